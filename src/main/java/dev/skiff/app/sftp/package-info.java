/**
 * The dual-pane SFTP browser tab: {@link dev.skiff.app.sftp.SftpBrowserTab} (entry point), the
 * {@link dev.skiff.app.sftp.FileBrowser} SPI with a local (java.nio) and a remote (SFTP) side,
 * {@link dev.skiff.app.sftp.PaneViewModel} shared by both panes, {@link dev.skiff.app.sftp.BrowserViewModel}
 * for copies between them, and the {@link dev.skiff.app.sftp.TransferQueue} running
 * {@link dev.skiff.ssh.sftp.transfer.SftpTransfers} on new channels of the tab's connection.
 *
 * <p>Threads: ViewModels and views belong to the FX thread; every file-system or network call runs
 * on the executor given to the tab and comes back through {@code Platform.runLater}.
 */
package dev.skiff.app.sftp;
