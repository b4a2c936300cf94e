package dev.keel.agent.dashboard;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.keel.agent.http.RequestGuard;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The stylesheet and scripts the pages load, from the jar: keel's own under this package's resources, uPlot's from
 * its webjar. Each is read once; a fixed list, so no request path ever names a resource.
 */
public final class StaticFiles {
    static final String CSS = "/static/keel.css";
    static final String CHARTS_JS = "/static/charts.js";
    static final String UPLOT_JS = "/static/uplot.js";
    static final String UPLOT_CSS = "/static/uplot.css";

    private static final String UPLOT = "/META-INF/resources/webjars/uplot/" + uplotVersion() + "/dist/";

    private StaticFiles() {}

    /** Path → handler for every static file. */
    public static Map<String, HttpHandler> handlers() {
        Map<String, HttpHandler> files = new LinkedHashMap<>();
        files.put(CSS, file("keel.css", "text/css; charset=utf-8"));
        files.put(CHARTS_JS, file("charts.js", "text/javascript; charset=utf-8"));
        files.put(UPLOT_JS, file(UPLOT + "uPlot.iife.min.js", "text/javascript; charset=utf-8"));
        files.put(UPLOT_CSS, file(UPLOT + "uPlot.min.css", "text/css; charset=utf-8"));
        return files;
    }

    private static HttpHandler file(String resource, String contentType) {
        byte[] content = read(resource);
        return new HttpHandler() {
            @Override
            public void handle(HttpExchange exchange) throws IOException {
                RequestGuard.send(exchange, 200, contentType, content);
            }
        };
    }

    static byte[] read(String resource) {
        try (InputStream in = StaticFiles.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks " + resource + ": a build that left it out is broken");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** uPlot's version, from the webjar's own Maven metadata, so an upgrade is one line in the pom. */
    static String uplotVersion() {
        try (InputStream in =
                StaticFiles.class.getResourceAsStream("/META-INF/maven/org.webjars.npm/uplot/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("uPlot's webjar is not on the class path");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
