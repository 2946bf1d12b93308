package dev.skiff.app.terminal;

import com.techsenger.jeditermfx.core.TtyConnector;
import com.techsenger.jeditermfx.core.model.TerminalTextBuffer;
import dev.skiff.app.fx.BusyTab;
import dev.skiff.app.terminal.TerminalTabViewModel.State;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Tab;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Circle;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A tab holding one terminal (JediTermFX) fed by a {@link TerminalSource}. {@link #connect()} opens
 * the source on the given executor (never the FX thread) while an overlay shows the step and a
 * Cancel button; then the terminal runs until the session ends (DISCONNECTED: Enter or a click
 * reconnects with the same source). The tab text follows the terminal's title, the graphic shows a
 * status dot and a bell marker (until the tab is selected or the user types). What is typed while
 * connecting is kept ({@link TypeAhead}) and sent once the shell is there. Closing the tab closes
 * the session and JediTerm's threads.
 *
 * <p>FX thread only, except {@link #terminalText()}.
 */
public final class TerminalTab extends Tab implements BusyTab {
    private final TerminalSource source;
    private final TerminalSettings settings;
    private final Executor executor;
    private final TerminalTabViewModel vm;
    private final SkiffSettingsProvider provider;
    private final SkiffTerminalWidget widget;
    private final PasteConfirmation pasteConfirmation = new PasteConfirmation();
    private final TypeAhead typeAhead = new TypeAhead();
    private final StackPane root;
    private final ChangeListener<Object> fontListener = (o, a, b) -> applyFont();
    private final ChangeListener<ColorScheme> schemeListener = (o, a, b) -> applyScheme(scheme());
    private volatile TtyConnector connector;
    private long connectedAttempt;
    private boolean closed;

    /**
     * @param source   where the terminal's bytes come from
     * @param settings shared appearance settings (followed live until the tab closes)
     * @param executor runs {@link TerminalSource#open} (a worker pool, not the FX thread)
     */
    public TerminalTab(TerminalSource source, TerminalSettings settings, Executor executor) {
        this.source = Objects.requireNonNull(source);
        this.settings = Objects.requireNonNull(settings);
        this.executor = Objects.requireNonNull(executor);
        this.vm = new TerminalTabViewModel(source.displayName());
        this.provider = new SkiffSettingsProvider(settings);
        this.widget = new SkiffTerminalWidget(80, 24, provider);

        TerminalOverlay overlay = new TerminalOverlay(vm, this::cancel, this::connect);
        // a small margin in the terminal's own background, as in GNOME Terminal, so that text does
        // not touch the tab's edge
        StackPane margin = new StackPane(widget.getPane());
        margin.setPadding(new javafx.geometry.Insets(4, 2, 2, 6));
        margin.backgroundProperty().bind(javafx.beans.binding.Bindings.createObjectBinding(
                () -> new javafx.scene.layout.Background(new javafx.scene.layout.BackgroundFill(
                        scheme().backgroundPaint(), null, null)),
                settings.colorSchemeProperty()));
        root = new StackPane(margin, overlay, pasteConfirmation);
        root.getStyleClass().add("terminal-tab");
        root.getStylesheets().add(Objects.requireNonNull(
                TerminalTab.class.getResource("terminal.css")).toExternalForm());
        setContent(root);
        textProperty().bind(vm.titleProperty());
        setGraphic(statusGraphic());

        SkiffTerminalPanel panel = widget.panel();
        panel.setTitleListener(t -> Platform.runLater(() -> vm.terminalTitleChanged(t)));
        panel.setBellListener(() -> Platform.runLater(this::bell));
        panel.setPasteAction(this::paste);
        widget.addListener(w -> {
            TtyConnector ended = connector;
            Platform.runLater(() -> sessionEnded(ended));
        });
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::keyPressed);
        root.addEventFilter(KeyEvent.KEY_TYPED, this::keyTyped);
        pasteConfirmation.visibleProperty().addListener((o, was, shown) -> {
            if (!shown) {
                focusTerminal();
            }
        });
        selectedProperty().addListener((o, was, selected) -> {
            if (selected) {
                vm.clearBell();
                focusTerminal();
            }
        });
        settings.fontFamilyProperty().addListener(fontListener);
        settings.fontSizeProperty().addListener(fontListener);
        settings.colorSchemeProperty().addListener(schemeListener);
        applyScheme(scheme());
        setOnClosed(e -> close());
    }

    private Node statusGraphic() {
        Circle dot = new Circle(4);
        dot.getStyleClass().add("terminal-status-dot");
        dot.fillProperty().bind(vm.statusColorProperty());
        FontIcon bell = new FontIcon(Feather.BELL);
        bell.setId("terminal-bell");
        bell.getStyleClass().add("terminal-bell");
        bell.visibleProperty().bind(vm.bellProperty());
        bell.managedProperty().bind(bell.visibleProperty());
        HBox box = new HBox(5, dot, bell);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    /** Opens the source (again): CONNECTING, then CONNECTED or FAILED. */
    public void connect() {
        if (closed) {
            return;
        }
        long id = vm.beginConnecting();
        typeAhead.clear();
        TerminalSize size = currentSize();
        executor.execute(() -> {
            try {
                TtyConnector c = source.open(size, step -> Platform.runLater(() -> vm.progress(id, step)));
                awaitPreviousSessionEnd();
                Platform.runLater(() -> attach(id, c));
            } catch (Throwable e) {
                Platform.runLater(() -> vm.failed(id, e));
            }
        });
    }

    private void awaitPreviousSessionEnd() throws InterruptedException {
        // JediTerm clears its running session just after it reports the end; start() refuses before
        for (int i = 0; i < 500 && widget.isSessionRunning(); i++) {
            Thread.sleep(10);
        }
    }

    private void attach(long id, TtyConnector c) {
        if (closed || !vm.isCurrent(id)) {
            executor.execute(c::close);
            return;
        }
        connector = c;
        connectedAttempt = id;
        widget.setTtyConnector(c);
        widget.start();
        vm.connected(id);
        String ahead = typeAhead.take();
        if (!ahead.isEmpty()) {
            executor.execute(() -> {
                try {
                    c.write(ahead);
                } catch (java.io.IOException e) {
                    // the session ended already; the tab shows it
                }
            });
        }
        focusTerminal();
    }

    private void sessionEnded(TtyConnector ended) {
        if (!closed && ended != null && ended == connector) {
            vm.disconnected(connectedAttempt);
        }
    }

    /** FX thread: the user pressed Cancel while connecting. */
    public void cancel() {
        if (vm.state() == State.CONNECTING) {
            vm.cancelled();
            source.cancel();
        }
    }

    private void bell() {
        vm.bell();
    }

    private void keyPressed(KeyEvent e) {
        vm.clearBell();
        if (e.getCode().isModifierKey() && e.getTarget() == widget.getTerminalPanel().getCanvas()) {
            e.consume(); // Ctrl, Shift, Alt alone type nothing (JediTermFX would send a NUL for each)
        } else if (zoom(e)) {
            e.consume();
        } else if (e.getCode() == KeyCode.ENTER && vm.state() == State.DISCONNECTED) {
            e.consume();
            connect();
        } else if (noSessionToTypeInto(e)) {
            if (vm.state() == State.CONNECTING) {
                typeAhead.offer(e);
            }
            e.consume();
        }
    }

    private void keyTyped(KeyEvent e) {
        if (isAppShortcut(e)) {
            e.consume(); // Ctrl+Shift+letter is Skiff's (new tab, copy, quit…): its letter is not typed
        } else if (noSessionToTypeInto(e)) {
            if (vm.state() == State.CONNECTING) {
                typeAhead.offer(e); // sent when the shell is there
            }
            e.consume();
        }
    }

    /** A KEY_TYPED of Ctrl+Shift+letter (as the letter, or as its control character). */
    static boolean isAppShortcut(KeyEvent e) {
        String ch = e.getCharacter();
        if (!e.isShortcutDown() || !e.isShiftDown() || e.isAltDown() || ch.length() != 1) {
            return false;
        }
        char c = ch.charAt(0);
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 1 && c <= 26);
    }

    private boolean noSessionToTypeInto(KeyEvent e) {
        return vm.state() != State.CONNECTED && !pasteConfirmation.isShowing()
                && e.getTarget() == widget.getTerminalPanel().getCanvas();
    }

    /** Ctrl+plus (with or without Shift), Ctrl+minus, Ctrl+0; Ctrl+Shift+minus stays Ctrl+_ (undo). */
    private boolean zoom(KeyEvent e) {
        if (!e.isShortcutDown() || e.isAltDown()) {
            return false;
        }
        switch (e.getCode()) {
            case PLUS, EQUALS, ADD -> settings.zoomIn();
            case MINUS, SUBTRACT, DIGIT0, NUMPAD0 -> {
                if (e.isShiftDown()) {
                    return false;
                }
                if (e.getCode() == KeyCode.MINUS || e.getCode() == KeyCode.SUBTRACT) {
                    settings.zoomOut();
                } else {
                    settings.resetZoom();
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Pastes the clipboard's text, asking first when it has several lines (Ctrl+Shift+V, menu). */
    public void paste() {
        Clipboard clipboard = Clipboard.getSystemClipboard();
        String text = clipboard.hasString() ? clipboard.getString() : null;
        if (text == null || text.isEmpty() || vm.state() != State.CONNECTED) {
            return;
        }
        if (PasteConfirmation.needsConfirmation(text)) {
            pasteConfirmation.ask(text, widget.getTerminalPanel()::handlePaste);
        } else {
            widget.getTerminalPanel().handlePaste();
        }
    }

    /** Selects the whole scrollback and screen. */
    public void selectAll() {
        widget.getTerminalPanel().selectAll();
    }

    /** Copies the selection to the clipboard (Ctrl+Shift+C). */
    public void copy() {
        widget.getTerminalPanel().handleCopy(false, false);
    }

    private void applyFont() {
        provider.setFont(settings.fontFamilyProperty().get(), settings.fontSizeProperty().get());
        widget.panel().refreshFont();
    }

    /** The source's fixed colours (a host's terminal profile), else the app theme's. */
    private ColorScheme scheme() {
        ColorScheme fixed = source.profile().scheme();
        return fixed != null ? fixed : settings.colorSchemeProperty().get();
    }

    /** The colours the terminal draws with now. */
    public ColorScheme colorScheme() {
        return provider.scheme();
    }

    private void applyScheme(ColorScheme scheme) {
        provider.setScheme(scheme);
        root.setStyle("-fx-background-color: " + scheme.backgroundCss() + ";");
        widget.getTerminalPanel().repaint();
    }

    private TerminalSize currentSize() {
        var size = widget.getTerminalPanel().getTerminalSizeFromComponent();
        return size == null ? new TerminalSize(80, 24) : new TerminalSize(size.getColumns(), size.getRows());
    }

    private void focusTerminal() {
        if (vm.state() == State.CONNECTED) {
            widget.getTerminalPanel().getCanvas().requestFocus();
        }
    }

    /** Ends the session and the terminal's threads; the tab cannot connect again. Idempotent. */
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (vm.state() == State.CONNECTING) {
            source.cancel();
        }
        vm.abandon();
        settings.fontFamilyProperty().removeListener(fontListener);
        settings.fontSizeProperty().removeListener(fontListener);
        settings.colorSchemeProperty().removeListener(schemeListener);
        widget.close();
    }

    public TerminalTabViewModel viewModel() {
        return vm;
    }

    /** The canvas that takes key events (synthetic key events must target it). */
    public Canvas terminalCanvas() {
        return widget.getTerminalPanel().getCanvas();
    }

    /** Scrollback and screen as text, one line per row. Any thread (takes the buffer's lock). */
    public String terminalText() {
        TerminalTextBuffer buffer = widget.getTerminalTextBuffer();
        buffer.lock();
        try {
            String history = buffer.getHistoryBuffer().getLines();
            String screen = buffer.getScreenLines();
            return history.isEmpty() ? screen : history + "\n" + screen;
        } finally {
            buffer.unlock();
        }
    }

    @Override
    public int openSessions() {
        return vm.state() == State.CONNECTED ? 1 : 0;
    }

    @Override
    public Optional<String> busyWith() {
        return openSessions() == 0 ? Optional.empty() : Optional.of("the terminal session is open");
    }

    /** The size in points of the font the terminal draws with. */
    public int fontSize() {
        return Math.round(provider.getTerminalFontSize());
    }

    /** The terminal's width in columns. */
    public int columns() {
        return widget.getTerminalTextBuffer().getWidth();
    }

    /** The terminal's height in rows. */
    public int rows() {
        return widget.getTerminalTextBuffer().getHeight();
    }

    /**
     * FX thread: types {@code text} as key events on the terminal's canvas, as a keyboard would: each
     * character as KEY_PRESSED + KEY_TYPED, a line break as an Enter key press.
     */
    public void typeText(String text) {
        Canvas canvas = terminalCanvas();
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '\n' || ch == '\r') {
                canvas.fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.ENTER, false, false, false, false));
            } else {
                String s = String.valueOf(ch);
                canvas.fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", s, KeyCode.UNDEFINED, false, false, false, false));
                canvas.fireEvent(new KeyEvent(KeyEvent.KEY_TYPED, s, "", KeyCode.UNDEFINED, false, false, false, false));
            }
        }
    }
}
