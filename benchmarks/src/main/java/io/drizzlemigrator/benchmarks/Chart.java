package io.drizzlemigrator.benchmarks;

import static io.drizzlemigrator.benchmarks.Harness.APPLY;
import static io.drizzlemigrator.benchmarks.Harness.DM;
import static io.drizzlemigrator.benchmarks.Harness.DRIZZLE_KIT;
import static io.drizzlemigrator.benchmarks.Harness.DRIZZLE_ORM;
import static io.drizzlemigrator.benchmarks.Harness.FLYWAY;
import static io.drizzlemigrator.benchmarks.Harness.FLYWAY_GROUP;
import static io.drizzlemigrator.benchmarks.Harness.JDBC;
import static io.drizzlemigrator.benchmarks.Harness.NOOP;
import static io.drizzlemigrator.benchmarks.Harness.PSQL;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.category.DefaultCategoryDataset;

/** The chart of docs/benchmarks.md: no-op start and apply-all for the largest generated folder, medians. */
final class Chart {

    private static final Color OURS = new Color(0x2E7D32);
    private static final Color FLOOR = new Color(0x9E9E9E);
    private static final Color PEER = new Color(0x1565C0);

    private Chart() {
    }

    static void write(Results r, Dataset d, Path png) throws IOException {
        DefaultCategoryDataset noop = new DefaultCategoryDataset();
        String cold = "fresh process (first call)";
        String warm = "warm, open connection, every file hashed";
        put(noop, r.median(NOOP, d.id(), DM, "cold_ms"), cold, "drizzle-migrator");
        put(noop, r.median(NOOP, d.id(), JDBC, "cold_ms"), cold, "JDBC connect + select 1 (floor)");
        put(noop, r.median(NOOP, d.id(), FLYWAY, "cold_with_load_ms"), cold, "Flyway load()+migrate()");
        put(noop, r.median(NOOP, d.id(), DRIZZLE_ORM, "cold_ms"), cold, "drizzle-orm migrate() (Node)");
        put(noop, r.median(NOOP, d.id(), Harness.DM_MEMO_OFF, "pooled_ms"), warm, "drizzle-migrator");
        put(noop, r.median(NOOP, d.id(), JDBC, "pooled_ms"), warm, "JDBC connect + select 1 (floor)");
        put(noop, r.median(NOOP, d.id(), DRIZZLE_ORM, "warm_ms"), warm, "drizzle-orm migrate() (Node)");

        DefaultCategoryDataset apply = new DefaultCategoryDataset();
        String s = "apply all";
        putSeconds(apply, r.median(APPLY, d.id(), DM, "ms"), s, "drizzle-migrator");
        putSeconds(apply, r.median(APPLY, d.id(), JDBC, "ms"), s, "JDBC, one transaction (floor)");
        putSeconds(apply, r.median(APPLY, d.id(), PSQL, "ms"), s, "psql -1 -f all.sql (process)");
        putSeconds(apply, r.median(APPLY, d.id(), DRIZZLE_ORM, "ms"), s, "drizzle-orm migrate() (Node)");
        putSeconds(apply, r.median(APPLY, d.id(), DRIZZLE_KIT, "ms"), s, "drizzle-kit migrate (process)");
        putSeconds(apply, r.median(APPLY, d.id(), FLYWAY_GROUP, "ms"), s, "Flyway migrate(), group(true)");
        putSeconds(apply, r.median(APPLY, d.id(), FLYWAY, "ms"), s, "Flyway migrate()");

        JFreeChart left = bar("No-op start, " + d.migrations() + " migrations applied (ms, median)", noop, false);
        JFreeChart right = bar("Apply " + d.migrations() + " migrations to an empty database (s, median)", apply,
                false);
        int w = 1500;
        int h = 560;
        BufferedImage image = new BufferedImage(w, h + 60, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h + 60);
        left.draw(g, new java.awt.geom.Rectangle2D.Double(0, 0, w / 2.0, h));
        right.draw(g, new java.awt.geom.Rectangle2D.Double(w / 2.0, 0, w / 2.0, h));
        g.setColor(Color.DARK_GRAY);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        g.drawString("drizzle-migrator benchmarks, " + r.environment.get("finished") + " — "
                + r.environment.get("machine") + ", load average " + r.environment.get("loadavg_start")
                + " (a shared machine: compare bars, not absolute times).", 16, h + 22);
        g.drawString("Shorter is better. Green: drizzle-migrator, grey: floor, blue: peers. Left: dark = first call "
                + "in a fresh process, light = warm call on an open connection, hash memo off (drizzle-orm: its"
                + " second call).", 16,
                h + 44);
        g.dispose();
        ImageIO.write(image, "png", png.toFile());
    }

    private static JFreeChart bar(String title, DefaultCategoryDataset data, boolean legend) {
        JFreeChart chart = ChartFactory.createBarChart(null, null, null, data, PlotOrientation.HORIZONTAL, legend,
                false, false);
        chart.setTitle(new TextTitle(title, new Font(Font.SANS_SERIF, Font.BOLD, 15)));
        chart.setBackgroundPaint(Color.WHITE);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        BarRenderer renderer = new BarRenderer() {
            @Override
            public java.awt.Paint getItemPaint(int row, int column) {
                String key = (String) data.getColumnKey(column);
                Color base = key.startsWith("drizzle-migrator") ? OURS : key.contains("floor") ? FLOOR : PEER;
                return row == 0 ? base : base.brighter().brighter();
            }
        };
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}",
                new java.text.DecimalFormat("#,##0.#")));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultPositiveItemLabelPosition(new org.jfree.chart.labels.ItemLabelPosition(
                org.jfree.chart.labels.ItemLabelAnchor.OUTSIDE3, org.jfree.chart.ui.TextAnchor.CENTER_LEFT));
        renderer.setDefaultItemLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        renderer.setItemMargin(0.05);
        plot.setRenderer(renderer);
        plot.getDomainAxis().setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        plot.getDomainAxis().setMaximumCategoryLabelWidthRatio(0.45f);
        plot.getRangeAxis().setUpperMargin(0.15);
        return chart;
    }

    private static void put(DefaultCategoryDataset data, Optional<Double> v, String series, String column) {
        v.ifPresent(x -> data.addValue(x, series, column));
    }

    private static void putSeconds(DefaultCategoryDataset data, Optional<Double> v, String series, String column) {
        v.ifPresent(x -> data.addValue(x / 1000, series, column));
    }
}
