package dev.skiff.ssh.userauth;

/**
 * A server reply to a user authentication request, decoded once by {@link UserAuthClient} according
 * to the request in progress (message 60 is PK_OK, PASSWD_CHANGEREQ or INFO_REQUEST depending on
 * the method: RFC 4252 sections 7 and 8, RFC 4256 section 3.2). Banners are not replies: they go to
 * the {@link BannerListener}.
 */
public sealed interface AuthReply
        permits UserauthSuccess, UserauthFailure, UserauthPkOk, UserauthPasswdChangereq, UserauthInfoRequest {
}
