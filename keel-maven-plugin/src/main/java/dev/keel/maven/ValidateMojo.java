package dev.keel.maven;

import dev.keel.app.Project;
import dev.keel.migrate.Validate;
import dev.keel.migrate.ValidateResult;
import dev.keel.migrate.ValidationProblem;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/** keel validate: the migration files and the history agree; any problem fails the build. */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.VERIFY, requiresProject = false, threadSafe = true)
public class ValidateMojo extends KeelMojo {

    @Override
    void run(Project project) throws MojoFailureException {
        ValidateResult result = Validate.run(project.database(), project.migrationSettings());
        if (result.valid()) {
            getLog().info("Valid: " + result.database() + " agrees with the migration files (" + result.pending()
                    + " pending).");
            return;
        }
        for (ValidationProblem p : result.problems()) {
            getLog().error(MojoFailures.line(p.kind().code(), p.message(), p.fix()));
        }
        int n = result.problems().size();
        throw new MojoFailureException("keel validate found " + n + " problem" + (n == 1 ? "" : "s") + " in "
                + result.database() + " — fix them as the lines above say, then run the build again");
    }
}
