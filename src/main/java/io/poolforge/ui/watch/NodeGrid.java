package io.poolforge.ui.watch;

import java.util.List;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/**
 * The compact node grid: one small square per node, coloured by state group, drawn on one canvas
 * (a thousand squares as one node, not a thousand nodes).
 */
public final class NodeGrid extends Canvas {
    static final int SQUARE = 8;
    static final int GAP = 2;
    static final int COLUMNS = 50;

    private List<NodeStates.Group> squares = List.of();

    public NodeGrid() {
        super(COLUMNS * (SQUARE + GAP), SQUARE + GAP);
        getStyleClass().add("node-grid");
    }

    /** The groups drawn, in order (for tests and accessibility). */
    public List<NodeStates.Group> squares() { return squares; }

    public void show(NodeStates.Grid grid) {
        squares = grid.squares();
        int rows = Math.max(1, (squares.size() + COLUMNS - 1) / COLUMNS);
        setHeight(rows * (SQUARE + GAP));
        GraphicsContext g = getGraphicsContext2D();
        g.clearRect(0, 0, getWidth(), getHeight());
        for (int i = 0; i < squares.size(); i++) {
            g.setFill(color(squares.get(i)));
            g.fillRect((i % COLUMNS) * (SQUARE + GAP), (i / COLUMNS) * (SQUARE + GAP), SQUARE, SQUARE);
        }
    }

    /** The Primer palette's emphasis colours, as the badges use them. */
    public static Color color(NodeStates.Group group) {
        return switch (group) {
            case READY -> Color.web("#1f883d");
            case STARTING -> Color.web("#0969da");
            case PREEMPTED -> Color.web("#bf8700");
            case PROBLEM -> Color.web("#cf222e");
            case OTHER -> Color.web("#8c959f");
        };
    }
}
