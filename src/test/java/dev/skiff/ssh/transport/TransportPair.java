package dev.skiff.ssh.transport;

import dev.skiff.ssh.keys.SshKeyGenerator;
import dev.skiff.ssh.keys.SshKeyPair;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A client and a server transport over in-memory pipes, both started. */
public final class TransportPair implements AutoCloseable {
    static final List<SshKeyPair> HOST_KEYS = List.of(SshKeyGenerator.generate("ssh-ed25519", 0),
            SshKeyGenerator.generate("ecdsa-sha2-nistp256", 0), SshKeyGenerator.generate("ecdsa-sha2-nistp384", 0),
            SshKeyGenerator.generate("ecdsa-sha2-nistp521", 0), SshKeyGenerator.generate("ssh-rsa", 2048));

    public final Transport client;
    public final Transport server;
    final MemoryPipe toClient;
    final MemoryPipe toServer;

    public TransportPair(TransportConfig clientConfig, TransportConfig serverConfig) throws Exception {
        toServer = new MemoryPipe();
        toClient = new MemoryPipe();
        client = Transport.client(MemoryPipe.io(toClient, toServer, "memory-server"), clientConfig);
        server = Transport.server(MemoryPipe.io(toServer, toClient, "memory-client"), serverConfig, HOST_KEYS);
        server.setAcceptedServices(List.of("ssh-userauth"));
        CompletableFuture<Void> s = CompletableFuture.runAsync(() -> {
            try {
                server.start();
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        try {
            client.start();
        } catch (Exception e) {
            // the client's view of the failure is what tests look at
            client.close();
            server.close();
            throw e;
        }
        try {
            s.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            client.close();
            server.close();
            throw e;
        }
    }

    public TransportPair(TransportConfig config) throws Exception {
        this(config, config);
    }

    @Override
    public void close() {
        client.close();
        server.close();
    }
}
