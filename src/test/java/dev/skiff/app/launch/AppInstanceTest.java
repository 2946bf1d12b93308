package dev.skiff.app.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/** The app side: the start-up request and forwarded requests reach the handler on the FX thread. */
class AppInstanceTest {

    @TempDir
    Path temp;

    @BeforeAll
    static void startFx() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void initialAndForwardedRequestsReachTheHandlerOnTheFxThread() throws Exception {
        LinkedBlockingQueue<String> seen = new LinkedBlockingQueue<>();
        OpenRequestHandler handler = request -> seen.add(Platform.isFxApplicationThread() + " " + request.encode());
        Path socket = temp.resolve("rt").resolve("skiff.sock");

        AppInstance.setInitialRequest(OpenRequest.parseUrl("ssh://alice@h:2222"));
        try (AutoCloseable instance = AppInstance.serve(handler, socket)) {
            assertEquals("true URL ssh://alice@h:2222", seen.poll(30, TimeUnit.SECONDS));
            assertTrue(AppInstance.takeInitialRequest().isEmpty(), "the start-up request is delivered once");

            assertTrue(SingleInstance.tryForward(socket, OpenRequest.savedHost("web")));
            assertEquals("true HOST web", seen.poll(30, TimeUnit.SECONDS));
        }
        assertTrue(!SingleInstance.tryForward(socket, OpenRequest.savedHost("web")), "closed: nobody listens");
    }
}
