package io.spindle.metastore.publish;

import java.util.List;

/**
 * A finished publish.
 *
 * @param leftoverDirectories replaced versions that could not be deleted after the metastore was
 *     updated; the table is correct, these are garbage to remove later
 */
public record PublicationResult(PublicationPlan plan, List<String> leftoverDirectories) {
    public PublicationResult {
        leftoverDirectories = List.copyOf(leftoverDirectories);
    }
}
