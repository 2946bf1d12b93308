package dev.skiff.ssh.forward;

import dev.skiff.ssh.ChannelOpenFailedException;

/**
 * A parsed SOCKS CONNECT request and the replies to it: SOCKS4 and SOCKS4a
 * (openssh.com/txt/socks4.protocol, socks4a.protocol) and SOCKS5 (RFC 1928 section 6).
 *
 * @param version 4 (also for 4a) or 5
 * @param host an IPv4/IPv6 literal or a domain name, as it goes into direct-tcpip
 * @param port 0-65535
 */
public record SocksRequest(int version, String host, int port) {
    /** SOCKS4 "request granted". */
    static final int SOCKS4_GRANTED = 0x5A;
    /** SOCKS4 "request rejected or failed". */
    static final int SOCKS4_REJECTED = 0x5B;
    static final int SOCKS5_SUCCEEDED = 0x00;
    static final int SOCKS5_GENERAL_FAILURE = 0x01;
    static final int SOCKS5_NOT_ALLOWED = 0x02;
    static final int SOCKS5_CONNECTION_REFUSED = 0x05;
    static final int SOCKS5_COMMAND_NOT_SUPPORTED = 0x07;
    static final int SOCKS5_ADDRESS_TYPE_NOT_SUPPORTED = 0x08;

    /** The success reply; the bound address is not known through SSH, so it is all zeros. */
    byte[] success() {
        return version == 4 ? socks4Reply(SOCKS4_GRANTED) : socks5Reply(SOCKS5_SUCCEEDED);
    }

    /** The failure reply for a refused channel open (reason code of RFC 4254 section 5.1, or -1). */
    byte[] failure(int openFailureReason) {
        if (version == 4) {
            return socks4Reply(SOCKS4_REJECTED);
        }
        return socks5Reply(socks5Code(openFailureReason));
    }

    /** SOCKS5 reply code for a channel open failure reason. */
    static int socks5Code(int openFailureReason) {
        return switch (openFailureReason) {
            case ChannelOpenFailedException.CONNECT_FAILED -> SOCKS5_CONNECTION_REFUSED;
            case ChannelOpenFailedException.ADMINISTRATIVELY_PROHIBITED -> SOCKS5_NOT_ALLOWED;
            default -> SOCKS5_GENERAL_FAILURE;
        };
    }

    /** VN=0, CD, DSTPORT, DSTIP (zeros). */
    static byte[] socks4Reply(int code) {
        return new byte[] {0, (byte) code, 0, 0, 0, 0, 0, 0};
    }

    /** VER=5, REP, RSV, ATYP=IPv4, BND.ADDR 0.0.0.0, BND.PORT 0. */
    static byte[] socks5Reply(int code) {
        return new byte[] {5, (byte) code, 0, 1, 0, 0, 0, 0, 0, 0};
    }
}
