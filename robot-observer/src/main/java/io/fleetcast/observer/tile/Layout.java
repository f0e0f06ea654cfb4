package io.fleetcast.observer.tile;

/**
 * How {@code cameras} pictures share one {@code width x height} picture: a grid of
 * {@code columns x rows} equal cells (as square as possible), each camera scaled into its
 * cell keeping its aspect, empty cells black.
 */
public record Layout(int cameras, int width, int height, int columns, int rows) {
    public Layout {
        if (cameras < 1 || width < 2 || height < 2 || columns * rows < cameras) {
            throw new IllegalArgumentException("bad layout: " + cameras + " cameras in " + columns + "x" + rows
                    + " cells of " + width + "x" + height);
        }
    }

    public static Layout of(int cameras, int width, int height) {
        int columns = (int) Math.ceil(Math.sqrt(cameras));
        int rows = (cameras + columns - 1) / columns;
        return new Layout(cameras, width, height, columns, rows);
    }

    public int cellWidth() {
        return (width / columns) & ~1;
    }

    public int cellHeight() {
        return (height / rows) & ~1;
    }

    /** Left edge of camera {@code index}'s cell. */
    public int cellX(int index) {
        return (index % columns) * cellWidth();
    }

    /** Top edge of camera {@code index}'s cell. */
    public int cellY(int index) {
        return (index / columns) * cellHeight();
    }
}
