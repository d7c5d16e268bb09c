package io.drizzlemigrator.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the version written in the jar's manifest when it was built. */
final class ManifestVersion implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = ManifestVersion.class.getPackage().getImplementationVersion();
        return new String[] {"drizzle-migrator " + (version == null ? "(development build)" : version),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
    }
}
