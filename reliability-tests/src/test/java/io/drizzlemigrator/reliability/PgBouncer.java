package io.drizzlemigrator.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A PgBouncer on a loopback port that checks passwords (auth_type md5, one user) and pools sessions in front of the
 * trust-authenticated test server: the only way here to make a wrong password fail for real.
 */
final class PgBouncer implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/sbin/pgbouncer");

    private final Process process;
    private final int port;
    private final Path log;

    private PgBouncer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    static PgBouncer start(Path dir, String serverHost, int serverPort, String user, String password) {
        assertThat(Files.isExecutable(BINARY)).as("pgbouncer is not installed at " + BINARY
                + ": install it with `apt-get install -y pgbouncer` (.ci/run does)").isTrue();
        try {
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            Files.createDirectories(dir);
            Path users = dir.resolve("users.txt");
            Path conf = dir.resolve("pgbouncer.ini");
            Path log = dir.resolve("pgbouncer.log");
            Files.writeString(users, "\"" + user + "\" \"" + password + "\"\n");
            Files.writeString(conf, "[databases]\n* = host=" + serverHost + " port=" + serverPort + "\n"
                    + "[pgbouncer]\nlisten_addr = 127.0.0.1\nlisten_port = " + port + "\nunix_socket_dir =\n"
                    + "auth_type = md5\nauth_file = " + users + "\npool_mode = session\n"
                    + "default_pool_size = 20\nignore_startup_parameters = extra_float_digits,options\n"
                    + "logfile = " + log + "\n");
            // pgbouncer refuses to run as root and drops to postgres: it must reach its files
            for (Path p = dir.getParent(); p != null && !p.equals(Path.of(System.getProperty("java.io.tmpdir")));
                    p = p.getParent()) {
                p.toFile().setExecutable(true, false);
            }
            for (Path p : List.of(dir, users, conf)) {
                p.toFile().setReadable(true, false);
            }
            dir.toFile().setExecutable(true, false);
            dir.toFile().setWritable(true, false);
            List<String> cmd = new ArrayList<>(List.of(BINARY.toString()));
            if ("root".equals(System.getProperty("user.name"))) {
                cmd.addAll(List.of("-u", "postgres"));
            }
            cmd.add(conf.toString());
            Process process = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("stdout.txt").toFile()).start();
            PgBouncer bouncer = new PgBouncer(process, port, log);
            Db.await("pgbouncer listens on " + port, Duration.ofSeconds(30), () -> {
                assertThat(process.isAlive()).as("pgbouncer running: %s", bouncer.log()).isTrue();
                try (Socket ignored = new Socket("127.0.0.1", port)) {
                    return true;
                } catch (IOException notYet) {
                    return false;
                }
            });
            return bouncer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return port;
    }

    String log() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
