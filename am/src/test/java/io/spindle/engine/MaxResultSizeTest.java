package io.spindle.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spindle.api.Session;
import io.spindle.plan.stage.ResultTooLargeException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** collectAsList over spindle.driver.maxResultSize fails with an error that names the setting. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MaxResultSizeTest {

    @Test
    void collectOverTheLimitFailsAndUnderItSucceeds() {
        try (Session session = Session.builder().master("local[2]").config("spindle.driver.maxResultSize", "64k")
                .getOrCreate()) {
            assertThat(session.range(100).collectAsList()).hasSize(100);
            assertThatThrownBy(() -> session.range(100_000).collectAsList())
                    .satisfies(error -> assertThat(error).isInstanceOfAny(ResultTooLargeException.class,
                            io.spindle.exec.JobFailedException.class))
                    .hasMessageContaining("spindle.driver.maxResultSize");
        }
    }
}
