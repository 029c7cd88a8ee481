package io.spindle.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.spindle.formats.fs.HadoopConfigurations;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.security.UserGroupInformation;
import org.apache.hadoop.security.authentication.util.KerberosName;
import org.junit.jupiter.api.Test;

/** Which parsed command lines warm up a local session's initialisation on a second thread. */
class StartupWarmupTest {

    @Test
    void benchAndLocalSubmitsWarmUp() {
        assertThat(SpindleMain.startsLocalSession("bench", "--queries", "q6")).isTrue();
        assertThat(SpindleMain.startsLocalSession("bench", "--master", "local[2]")).isTrue();
        assertThat(SpindleMain.startsLocalSession("submit", "--master", "local[2]", "--class", "C", "a.jar"))
                .isTrue();
        assertThat(SpindleMain.startsLocalSession("submit", "--master=local", "--class", "C", "a.jar"))
                .isTrue();
    }

    @Test
    void helpClusterCommandsAndYarnSubmitsDoNot() {
        assertThat(SpindleMain.startsLocalSession()).isFalse();
        assertThat(SpindleMain.startsLocalSession("--help")).isFalse();
        assertThat(SpindleMain.startsLocalSession("bench", "--help")).isFalse();
        assertThat(SpindleMain.startsLocalSession("bench", "--master", "yarn")).isFalse();
        assertThat(SpindleMain.startsLocalSession("bench", "--cold", "3")).isFalse();
        assertThat(SpindleMain.startsLocalSession("bench", "--cold=3")).isFalse();
        assertThat(SpindleMain.startsLocalSession("bench", "--master=yarn")).isFalse();
        assertThat(SpindleMain.startsLocalSession("status", "application_1_0001")).isFalse();
        assertThat(SpindleMain.startsLocalSession("submit", "--master", "yarn", "--class", "C", "a.jar"))
                .isFalse();
        // Without --master the configured default decides, which may be YARN.
        assertThat(SpindleMain.startsLocalSession("submit", "--class", "C", "a.jar")).isFalse();
        // An argument of the job that looks like the option is the job's (after the jar) - still only a warm-up.
        assertThat(SpindleMain.startsLocalSession("demo")).isFalse();
    }

    @Test
    void theWarmupThreadIsADaemonAndEnds() throws InterruptedException {
        Thread thread = StartupWarmup.start();

        assertThat(thread).isNotNull();
        assertThat(thread.isDaemon()).isTrue();
        thread.join(60_000);
        assertThat(thread.isAlive()).isFalse();
    }

    @Test
    void aLoginThisJvmAlreadySetUpIsLeftAsItIs() throws InterruptedException {
        // As a local job's main might: its own name-mapping rules, before the warm-up's Hadoop steps.
        String rules = "RULE:[1:$1@$0](.*@SPINDLE.TEST)s/@.*//\nDEFAULT";
        Configuration own = HadoopConfigurations.fresh();
        own.set("hadoop.security.auth_to_local", rules);
        UserGroupInformation.setConfiguration(own);
        try {
            Thread thread = StartupWarmup.start();
            thread.join(60_000);

            assertThat(thread.isAlive()).isFalse();
            assertThat(KerberosName.getRules()).isEqualTo(rules);
        } finally {
            UserGroupInformation.setConfiguration(HadoopConfigurations.fresh());
        }
    }
}
