package io.fleetcast.observer.tile;

import io.fleetcast.media.Frame;
import io.fleetcast.media.Rational;
import io.fleetcast.media.filter.FilterGraph;
import io.fleetcast.media.filter.GraphInput;
import io.fleetcast.media.filter.Pull;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Composes the cameras' latest pictures into one picture of the layout's size with an FFmpeg
 * filter graph (scale + pad per camera, {@code xstack} for several). The graph is built for
 * the pictures' sizes and formats and rebuilt when one changes (a camera reconnecting at
 * another size, a "no signal" card) or the layout does (a new quality state). Timestamps
 * are milliseconds. Used by one thread.
 */
public final class Tiler implements AutoCloseable {
    private static final Rational MILLIS = new Rational(1, 1000);

    private Layout layout;
    private int fps;
    private FilterGraph graph;
    private int[][] inputs = new int[0][];

    public Tiler(Layout layout, int fps) {
        this.layout = layout;
        this.fps = fps;
    }

    /** Takes effect at the next picture. */
    public void relayout(Layout next, int nextFps) {
        if (!next.equals(layout) || nextFps != fps) {
            layout = next;
            fps = nextFps;
            closeGraph();
        }
    }

    /**
     * Composes {@code pictures} (one per camera, in order) at {@code millis} into {@code into}
     * (empty). The caller keeps its pictures. False when the graph holds the picture back
     * until the next one (it then comes out one call later).
     */
    public boolean compose(List<Frame> pictures, long millis, Frame into) {
        if (pictures.size() != layout.cameras()) {
            throw new IllegalArgumentException("layout has " + layout.cameras() + " cameras, got "
                    + pictures.size() + " pictures");
        }
        int[][] shapes = new int[pictures.size()][];
        for (int i = 0; i < pictures.size(); i++) {
            var av = pictures.get(i).av();
            shapes[i] = new int[] {av.width(), av.height(), av.format()};
        }
        if (graph == null || !Arrays.deepEquals(shapes, inputs)) {
            closeGraph();
            graph = build(shapes);
            inputs = shapes;
        }
        for (int i = 0; i < pictures.size(); i++) {
            pictures.get(i).av().pts(millis);
            graph.push(i, pictures.get(i));
        }
        return graph.pull(0, into) == Pull.FRAME;
    }

    private FilterGraph build(int[][] shapes) {
        List<GraphInput> graphInputs = new ArrayList<>();
        for (int[] shape : shapes) {
            graphInputs.add(new GraphInput.Video(shape[0], shape[1], shape[2], MILLIS, new Rational(fps, 1),
                    new Rational(1, 1), null));
        }
        return new FilterGraph(graphText(layout), graphInputs, List.of(true), 1);
    }

    private static String graphText(Layout layout) {
        int cellWidth = layout.cameras() == 1 ? layout.width() : layout.cellWidth();
        int cellHeight = layout.cameras() == 1 ? layout.height() : layout.cellHeight();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < layout.cameras(); i++) {
            text.append("[in").append(i).append("]scale=").append(cellWidth).append(':').append(cellHeight)
                    .append(":force_original_aspect_ratio=decrease:flags=bilinear,pad=").append(cellWidth)
                    .append(':').append(cellHeight).append(":(ow-iw)/2:(oh-ih)/2,setsar=1,format=yuv420p");
            text.append(layout.cameras() == 1 ? "[out0]" : "[c" + i + "];");
        }
        if (layout.cameras() > 1) {
            for (int i = 0; i < layout.cameras(); i++) {
                text.append("[c").append(i).append(']');
            }
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < layout.cameras(); i++) {
                cells.add(layout.cellX(i) + "_" + layout.cellY(i));
            }
            text.append("xstack=inputs=").append(layout.cameras()).append(":layout=").append(String.join("|", cells))
                    .append(":fill=black,pad=").append(layout.width()).append(':').append(layout.height())
                    .append(":0:0:black[out0]");
        }
        return text.toString();
    }

    private void closeGraph() {
        if (graph != null) {
            graph.close();
            graph = null;
        }
    }

    @Override
    public void close() {
        closeGraph();
    }
}
