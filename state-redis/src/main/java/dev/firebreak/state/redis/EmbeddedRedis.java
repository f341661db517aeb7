package dev.firebreak.state.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;

/**
 * A private Redis server on loopback, from the embedded-redis binary, with its data (an append-only
 * file) in a folder of ours. Used where no {@code redis.uri} is configured.
 *
 * <p>A daemon killed with -9 leaves its Redis running. Two servers writing one append-only file would
 * corrupt it, so on start a server left behind on our folder is asked to shut down (it saves) first.
 */
public final class EmbeddedRedis implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedRedis.class);
    private static final String PORT_FILE = "redis.port";

    private final RedisServer server;
    private final int port;
    private final Path dir;

    private EmbeddedRedis(RedisServer server, int port, Path dir) {
        this.server = server;
        this.port = port;
        this.dir = dir;
    }

    public static EmbeddedRedis start(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path abs = dir.toAbsolutePath().normalize();
        shutDownLeftover(abs);
        int port = freePort();
        RedisServer server = RedisServer.newRedisServer()
                .port(port)
                .bind("127.0.0.1")
                .setting("dir " + abs)
                .setting("appendonly yes")
                .setting("appendfsync everysec")
                .setting("save \"\"")
                .setting("protected-mode yes")
                .build();
        server.start();
        Files.writeString(abs.resolve(PORT_FILE), Integer.toString(port));
        LOG.info("No redis.uri configured: started a private Redis on 127.0.0.1:{} with its data in {}", port, abs);
        return new EmbeddedRedis(server, port, abs);
    }

    /**
     * Makes {@code rdb} (a backup's BGSAVE file) the data of the private server in {@code dir}, whose
     * daemon must be stopped. The server reads an RDB only with its append-only file off, so a server
     * of its own loads it with AOF off, then turns AOF on, which rewrites the append-only file from the
     * loaded data; once that is done the server stops and the folder is as a daemon's start expects.
     * Returns the number of keys loaded.
     */
    public static long restoreRdb(Path rdb, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path abs = dir.toAbsolutePath().normalize();
        shutDownLeftover(abs);
        Files.deleteIfExists(abs.resolve("appendonly.aof"));
        Path loaded = abs.resolve("dump.rdb");
        Files.copy(rdb, loaded, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        int port = freePort();
        RedisServer server = RedisServer.newRedisServer().port(port).bind("127.0.0.1")
                .setting("dir " + abs).setting("dbfilename dump.rdb").setting("appendonly no").setting("save \"\"")
                .build();
        server.start();
        io.lettuce.core.RedisClient client = io.lettuce.core.RedisClient.create("redis://127.0.0.1:" + port);
        try (var connection = client.connect()) {
            var redis = connection.sync();
            long keys = redis.dbsize();
            redis.configSet("appendonly", "yes");
            long deadline = System.currentTimeMillis() + 10 * 60_000;
            var info = RdbSnapshot.info(redis, "persistence");
            while (!"0".equals(info.get("aof_rewrite_in_progress")) || !"0".equals(info.get("aof_rewrite_scheduled"))
                    || !"1".equals(info.get("aof_enabled")) || !Files.exists(abs.resolve("appendonly.aof"))) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IOException("Redis did not write its append-only file from the restored data within 10 minutes");
                }
                RdbSnapshot.pause(50);
                info = RdbSnapshot.info(redis, "persistence");
            }
            if (!"ok".equals(info.get("aof_last_bgrewrite_status"))) {
                throw new IOException("Redis could not write its append-only file in " + abs + " (aof_last_bgrewrite_status:"
                        + info.get("aof_last_bgrewrite_status") + ")");
            }
            return keys;
        } finally {
            client.shutdown();
            server.stop();
            Files.deleteIfExists(loaded);
        }
    }

    /** The folder the server keeps its data in. */
    public Path dir() {
        return dir;
    }

    public String uri() {
        return "redis://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        try {
            server.stop();
            Files.deleteIfExists(dir.resolve(PORT_FILE));
        } catch (IOException e) {
            LOG.warn("Could not stop the private Redis on port {}: {}", port, e.getMessage());
        }
    }

    private static void shutDownLeftover(Path dir) throws IOException {
        Path portFile = dir.resolve(PORT_FILE);
        if (!Files.exists(portFile)) {
            return;
        }
        int port = Integer.parseInt(Files.readString(portFile).trim());
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            LOG.info("A Redis left running by an earlier Firebreak on port {} is shut down (it saves first)", port);
            OutputStream out = s.getOutputStream();
            out.write("*1\r\n$8\r\nSHUTDOWN\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            while (in.read() != -1) {
                // the server closes the connection as it exits
            }
        } catch (IOException nobodyThere) {
            // nothing listens there any more: the port file is stale
        }
        waitUntilFree(port);
        Files.deleteIfExists(portFile);
    }

    private static void waitUntilFree(int port) throws IOException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            } catch (IOException closed) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for Redis on port " + port + " to exit", e);
            }
        }
        throw new IOException("the Redis left on port " + port + " did not exit within 10 s");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
