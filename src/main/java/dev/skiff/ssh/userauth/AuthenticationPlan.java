package dev.skiff.ssh.userauth;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What to try when authenticating, and the limits (immutable; build with {@link #builder(String)}).
 * Mirrors OpenSSH client options: {@code PreferredAuthentications} (default
 * {@code publickey,keyboard-interactive,password}), the identity list (the caller orders it:
 * explicit {@code -i} / {@code IdentityFile} first, then agent keys unless {@code IdentitiesOnly}),
 * {@code NumberOfPasswordPrompts} (default 3, also the number of keyboard-interactive attempts) and
 * the server's {@code MaxAuthTries} as we assume it (default 6, see {@link Authenticator}).
 * A method is only tried when its credential source is present: publickey needs identities,
 * password a {@link PasswordProvider}, keyboard-interactive a {@link KeyboardInteractiveHandler}.
 */
public record AuthenticationPlan(String user, List<Identity> identities, PasswordProvider passwordProvider,
        KeyboardInteractiveHandler keyboardInteractiveHandler, BannerListener bannerListener,
        List<String> preferredMethods, int maxAuthTries, int numberOfPasswordPrompts) {

    public static final List<String> DEFAULT_METHODS = List.of("publickey", "keyboard-interactive", "password");
    public static final List<String> SUPPORTED_METHODS = DEFAULT_METHODS;

    public AuthenticationPlan {
        Objects.requireNonNull(user, "user");
        identities = List.copyOf(identities);
        preferredMethods = List.copyOf(preferredMethods);
        bannerListener = bannerListener == null ? BannerListener.IGNORE : bannerListener;
        for (String m : preferredMethods) {
            if (!SUPPORTED_METHODS.contains(m)) {
                throw new IllegalArgumentException("unsupported authentication method " + m);
            }
        }
        if (maxAuthTries < 1 || numberOfPasswordPrompts < 0) {
            throw new IllegalArgumentException("maxAuthTries must be >= 1 and numberOfPasswordPrompts >= 0");
        }
    }

    public static Builder builder(String user) {
        return new Builder(user);
    }

    /** Whether {@code method} has a credential source in this plan. */
    public boolean canTry(String method) {
        switch (method) {
            case "publickey":
                return !identities.isEmpty();
            case "password":
                return passwordProvider != null && numberOfPasswordPrompts > 0;
            case "keyboard-interactive":
                return keyboardInteractiveHandler != null && numberOfPasswordPrompts > 0;
            default:
                return false;
        }
    }

    /** Collects the plan; every setting has an OpenSSH-like default. Not thread-safe. */
    public static final class Builder {
        private final String user;
        private final List<Identity> identities = new ArrayList<>();
        private PasswordProvider passwordProvider;
        private KeyboardInteractiveHandler keyboardInteractiveHandler;
        private BannerListener bannerListener = BannerListener.IGNORE;
        private List<String> preferredMethods = DEFAULT_METHODS;
        private int maxAuthTries = 6;
        private int numberOfPasswordPrompts = 3;

        private Builder(String user) {
            this.user = user;
        }

        /** Identities to offer, in order (appended). */
        public Builder identities(List<? extends Identity> ids) {
            identities.addAll(ids);
            return this;
        }

        public Builder identity(Identity id) {
            identities.add(id);
            return this;
        }

        public Builder passwordProvider(PasswordProvider p) {
            this.passwordProvider = p;
            return this;
        }

        public Builder keyboardInteractiveHandler(KeyboardInteractiveHandler h) {
            this.keyboardInteractiveHandler = h;
            return this;
        }

        public Builder bannerListener(BannerListener l) {
            this.bannerListener = l;
            return this;
        }

        /** {@code PreferredAuthentications}: the order to try methods the server allows. */
        public Builder preferredMethods(List<String> methods) {
            this.preferredMethods = List.copyOf(methods);
            return this;
        }

        /** The server's {@code MaxAuthTries} as we assume it: we stop before reaching it. */
        public Builder maxAuthTries(int n) {
            this.maxAuthTries = n;
            return this;
        }

        /** {@code NumberOfPasswordPrompts}: password prompts, and keyboard-interactive attempts. */
        public Builder numberOfPasswordPrompts(int n) {
            this.numberOfPasswordPrompts = n;
            return this;
        }

        public AuthenticationPlan build() {
            return new AuthenticationPlan(user, identities, passwordProvider, keyboardInteractiveHandler, bannerListener,
                    preferredMethods, maxAuthTries, numberOfPasswordPrompts);
        }
    }
}
