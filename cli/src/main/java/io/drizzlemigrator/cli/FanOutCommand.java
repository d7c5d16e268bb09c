package io.drizzlemigrator.cli;

import io.drizzlemigrator.ConfigurationException;
import io.drizzlemigrator.DrizzleMigrator;
import io.drizzlemigrator.FanOut;
import io.drizzlemigrator.FanOutResult;
import io.drizzlemigrator.FanOutTarget;
import io.drizzlemigrator.MigratorConfiguration;
import io.drizzlemigrator.TargetOutcome;
import io.drizzlemigrator.TargetResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code fanout}: migrate many tenant schemas or databases. A command of its own rather than {@code migrate
 * --targets}: its report is one line (or JSON object) per target, not per migration, so scripts reading
 * {@code migrate --json} keep their document; it takes every option of migrate (the same mixin) and adds the targets
 * and how to run them.
 */
@Command(name = "fanout", mixinStandardHelpOptions = true, versionProvider = ManifestVersion.class,
        defaultValueProvider = CliDefaults.class, sortOptions = false,
        description = {"Migrate many targets to the folder: tenant schemas in the database of --url (schema-per-tenant), "
                + "or databases given by URL. Each target has its own bookkeeping table (a schema target's is "
                + "<tenant>.__drizzle_migrations, drizzle's migrationsSchema) and its own advisory lock, so runners "
                + "never migrate one target twice and never wait for each other on different targets.",
            "Targets come from --targets-file, --targets and --targets-query (together, duplicates run once). A "
                + "failing target does not stop the others unless --fail-fast; a rerun migrates only what is behind."})
final class FanOutCommand extends MigratorCommand {

    /** Kubernetes sets it in each pod of an indexed Job: 0, 1, ... completions-1. */
    static final String ENV_JOB_INDEX = "JOB_COMPLETION_INDEX";

    @Mixin
    MigrateOptions run;

    @Option(names = "--targets-file", paramLabel = "<file>",
            description = "A file of targets: one database URL or schema name per line, # starts a comment line.")
    Path targetsFile;

    @Option(names = "--targets", paramLabel = "<target>", split = ",",
            description = "Targets as a comma-separated list of schema names or database URLs.")
    List<String> targets;

    @Option(names = "--targets-query", paramLabel = "<sql>",
            description = {"A query run against the database of --url (a directory of tenants) whose first column "
                    + "gives the targets, e.g. \"select schema_name from tenants where active\".",
                "A query that fails or returns no rows exits 2 before anything runs."})
    String targetsQuery;

    @Option(names = "--parallel", paramLabel = "<n>",
            description = {"How many targets migrate at once.", "Default: ${DEFAULT-VALUE}."})
    int parallel;

    @Option(names = "--fail-fast", description = "Start no more targets once one failed (default: try them all).")
    boolean failFast;

    @Option(names = "--canary", paramLabel = "<target>",
            description = "Migrate this target alone first; if it fails, no other target is started.")
    String canary;

    @Option(names = "--create-schemas",
            description = "Create a tenant schema that does not exist (default: report it as failed).")
    boolean createSchemas;

    @Option(names = "--shard", paramLabel = "<i>/<n>",
            description = {"Take share i of n (i from 0 to n-1) of the targets: shares are disjoint, cover every "
                    + "target, and a target's share depends on its name only. The canary runs in every share."})
    String shard;

    @Option(names = "--shards", paramLabel = "<n>",
            description = "Take share $" + ENV_JOB_INDEX + " of n: for a Kubernetes indexed Job with n completions.")
    Integer shards;

    FanOutCommand(CliContext context) {
        super(context);
    }

    @Override
    void configure(MigratorConfiguration.Builder builder) {
        run.applyTo(builder);
    }

    @Override
    int execute(DrizzleMigrator migrator) {
        int[] share = share();
        MigratorConfiguration base = migrator.configuration();
        List<FanOutTarget> all = new ArrayList<>();
        if (targetsFile != null) {
            all.addAll(FanOut.targetsFromFile(targetsFile));
        }
        if (targets != null) {
            all.addAll(FanOut.targetsFromLines(targets, "--targets"));
        }
        if (targetsQuery != null) {
            all.addAll(FanOut.targetsFromQuery(base, targetsQuery));
        }
        if (all.isEmpty() && targetsQuery == null) {
            throw new ConfigurationException("No targets: give --targets-file, --targets or"
                    + " --targets-query");
        }
        FanOutResult result = FanOut.configure(base).targets(all).parallelism(parallel).failFast(failFast)
                .canary(canary == null ? null : FanOutTarget.parse(canary)).createSchemas(createSchemas)
                .shard(share[0], share[1]).run();
        int code = result.exitCode().code();
        if (json()) {
            JsonReport.print(context.out(), json -> {
                JsonReport.outcome(json, name(), code);
                json.writeNumberField("durationMs", result.duration().toMillis());
                json.writeStringField("shard", result.shard());
                json.writeObjectFieldStart("counts");
                for (Map.Entry<TargetOutcome, Integer> e : result.counts().entrySet()) {
                    json.writeNumberField(word(e.getKey()), e.getValue());
                }
                json.writeEndObject();
                json.writeArrayFieldStart("duplicates");
                for (FanOutTarget t : result.duplicates()) {
                    json.writeString(t.name());
                }
                json.writeEndArray();
                json.writeArrayFieldStart("targets");
                for (TargetResult r : result.targets()) {
                    json.writeStartObject();
                    json.writeStringField("target", r.target().name());
                    json.writeStringField("kind", r.target().kind().name().toLowerCase(Locale.ROOT));
                    json.writeStringField("outcome", word(r.outcome()));
                    json.writeNumberField("applied", r.applied());
                    json.writeNumberField("durationMs", r.duration().toMillis());
                    json.writeNumberField("exitCode", r.exitCode().code());
                    if (r.failedAt().isPresent()) {
                        json.writeStringField("failedAt", r.failedAt().get());
                    }
                    if (r.error().isPresent()) {
                        json.writeStringField("error", render(r.error().get()));
                    }
                    json.writeEndObject();
                }
                json.writeEndArray();
            });
        } else if (summary()) {
            printSummary(result);
        }
        return code;
    }

    private void printSummary(FanOutResult result) {
        int width = 0;
        for (TargetResult r : result.targets()) {
            width = Math.max(width, r.target().name().length());
        }
        for (TargetResult r : result.targets()) {
            String what = switch (r.outcome()) {
                case APPLIED -> "applied " + TextReport.count(r.applied(), "migration") + " ("
                        + TextReport.millis(r.duration()) + ")";
                case CURRENT -> "current (" + TextReport.millis(r.duration()) + ")";
                case BEHIND -> "behind (" + TextReport.millis(r.duration()) + ")";
                case NOT_RUN -> "not run";
                case LOCK_TIMEOUT -> "LOCK TIMEOUT: " + firstLine(r);
                case FAILED -> "FAILED" + r.failedAt().map(at -> " at " + at).orElse("") + ": " + firstLine(r);
            };
            context.out().println("  " + r.target().name() + " ".repeat(width - r.target().name().length()) + "  "
                    + what);
        }
        if (!result.duplicates().isEmpty()) {
            context.out().println("Given more than once (run once): " + String.join(", ",
                    result.duplicates().stream().map(FanOutTarget::name).toList()));
        }
        StringBuilder counts = new StringBuilder();
        result.counts().forEach((outcome, n) -> {
            if (n > 0 || outcome == TargetOutcome.FAILED) {
                counts.append(counts.length() == 0 ? "" : ", ").append(n).append(' ')
                        .append(word(outcome).replace('-', ' '));
            }
        });
        context.out().println(TextReport.count(result.targets().size(), "target") + ": " + counts
                + (result.shard().equals("0/1") ? "" : " (shard " + result.shard() + ")") + " in "
                + TextReport.millis(result.duration()) + ".");
        context.out().flush();
    }

    private String firstLine(TargetResult r) {
        String e = render(r.error().orElse(""));
        int dot = e.indexOf(". ");
        return dot > 0 && dot < 200 ? e.substring(0, dot + 1) : e;
    }

    /** A core message with the settings it names spelled as this command's flags. */
    private String render(String message) {
        return context.redactor().redact(SettingFlags.render(message).replace("createSchemas", "--create-schemas")
                .replace("failFast", "--fail-fast").replace("parallelism", "--parallel"));
    }

    private static String word(TargetOutcome outcome) {
        return outcome.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** {index, count} from --shard or --shards with JOB_COMPLETION_INDEX; {0, 1} when not sharded. */
    private int[] share() {
        if (shard != null && shards != null) {
            throw new ConfigurationException("--shard and --shards exclude each other: choose one");
        }
        if (shard != null) {
            String[] parts = shard.split("/", -1);
            try {
                if (parts.length == 2) {
                    return new int[] {Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip())};
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new ConfigurationException("--shard " + shard + " is not <i>/<n> (for example 0/4;"
                    + " i counts from 0)");
        }
        if (shards != null) {
            String index = context.env().get(ENV_JOB_INDEX);
            if (index == null) {
                throw new ConfigurationException("--shards " + shards + " takes its share from the " + ENV_JOB_INDEX
                        + " environment variable, which is not set: run it in a Kubernetes indexed Job"
                        + " (completionMode: Indexed), or give --shard <i>/<n>");
            }
            try {
                return new int[] {Integer.parseInt(index.strip()), shards};
            } catch (NumberFormatException e) {
                throw new ConfigurationException(ENV_JOB_INDEX + "='" + index + "' is not a number", e);
            }
        }
        return new int[] {0, 1};
    }
}
