package dev.keel.agent.http;

import dev.keel.agent.AgentError;
import dev.keel.error.KeelException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Where keel up listens: HOST:PORT, an IPv6 host in brackets ([::1]:7432). */
public record ListenAddress(String host, int port) {
    public static final String DEFAULT = "127.0.0.1:7432";
    private static final Pattern FORM = Pattern.compile("(\\[[0-9A-Fa-f:.]+]|[^\\s:\\[\\]]+):(\\d{1,5})");

    /** @param source where the text came from, for the error: "--listen" or "agent.listen" */
    public static ListenAddress parse(String text, String source) {
        Matcher m = FORM.matcher(text.strip());
        int port = m.matches() ? Integer.parseInt(m.group(2)) : 0;
        if (port < 1 || port > 65_535) {
            throw new KeelException(
                    AgentError.LISTEN_INVALID,
                    source + " must be HOST:PORT with a port from 1 to 65535, not '" + text + "'",
                    "write it as " + DEFAULT + " (this host only) or 0.0.0.0:7432 (every interface, with agent.token)");
        }
        String host = m.group(1);
        return new ListenAddress(host.startsWith("[") ? host.substring(1, host.length() - 1) : host, port);
    }

    /** Whether only this host can reach the address; a name that does not resolve counts as reachable by others. */
    public boolean loopback() {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    public InetSocketAddress socketAddress() {
        return new InetSocketAddress(host, port);
    }

    /** With another port (0: any free one), for tests and for saying where a started server listens. */
    public ListenAddress withPort(int other) {
        return new ListenAddress(host, other);
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
