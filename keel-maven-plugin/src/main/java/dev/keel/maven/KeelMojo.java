package dev.keel.maven;

import dev.keel.app.Project;
import java.io.File;
import java.util.Map;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What every goal shares with the command line's global options: the project directory, the configuration file and
 * the database URL. They act as {@code -C}, {@code --config} and {@code --url}, so the database is resolved in the
 * command line's order: this URL, then KEEL_URL, keel.yaml, the PG* variables, and the project's embedded PostgreSQL.
 */
public abstract class KeelMojo extends AbstractMojo {

    /** The keel project: keel.yaml, db/ and .keel/ live here (keel -C). */
    @Parameter(property = "keel.projectDir", defaultValue = "${project.basedir}")
    File projectDir;

    /** A configuration file to read instead of keel.yaml in the project directory (keel --config). */
    @Parameter(property = "keel.configFile")
    File configFile;

    /** The database URL (postgresql://… or jdbc:postgresql://…); wins over KEEL_URL, keel.yaml and PG* variables. */
    @Parameter(property = "keel.url")
    String url;

    /** Skip this goal, as -Dkeel.skip=true does for every keel goal of the build. */
    @Parameter(property = "keel.skip", defaultValue = "false")
    boolean skip;

    /** The environment keel reads its KEEL_* overrides and the PG* variables from; tests hand in their own. */
    Map<String, String> env = System.getenv();

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("keel: skipped (keel.skip)");
            return;
        }
        try {
            run(Project.open(
                    projectDir == null ? null : projectDir.toPath(),
                    configFile == null ? null : configFile.toPath(),
                    url,
                    env,
                    note -> getLog().info("keel: " + note)));
        } catch (MojoFailureException | MojoExecutionException e) {
            throw e;
        } catch (Exception e) {
            MojoFailures.raise(e);
        }
    }

    /** The goal's work on the opened project; a finding that fails the build is a {@link MojoFailureException}. */
    abstract void run(Project project) throws MojoFailureException, MojoExecutionException;
}
