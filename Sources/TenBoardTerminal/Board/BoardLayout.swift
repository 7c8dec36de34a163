/// Where the parts of the board go for a size: header, list or detail, status line, footer.
/// A pure function of the state and size, shared by the renderer and the controller's scrolling.
public struct BoardLayout: Sendable, Equatable {
    /// Below this the board shows only a short "too small" message.
    public static let minWidth = 32
    public static let minHeight = 8

    public var width: Int
    public var height: Int
    public var tooSmall: Bool
    public var header: Rect
    /// The column headings of the list (empty in the detail view).
    public var headings: Rect
    public var body: Rect
    /// The lines for prompts and notices; `nil` when there is nothing to say.
    public var status: Rect?
    public var footer: Rect

    public init(state: BoardState, width: Int, height: Int) {
        self.width = width
        self.height = height
        tooSmall = width < Self.minWidth || height < Self.minHeight
        header = Rect(x: 0, y: 0, width: width, height: 2)
        footer = Rect(x: 0, y: height - 1, width: width, height: 1)
        // Two lines for the resolve prompt ("helped by") and two for a long notice, if the list
        // keeps room.
        let statusHeight = StatusLineView.height(state, width: width).map {
            height >= 16 ? min($0, 4) : height >= 12 ? min($0, 3) : min($0, 1)
        } ?? 0
        status = statusHeight > 0 ? Rect(x: 0, y: height - 1 - statusHeight, width: width, height: statusHeight) : nil
        let bottom = height - 1 - statusHeight
        if state.screen == .list {
            headings = Rect(x: 0, y: 2, width: width, height: 1)
            body = Rect(x: 0, y: 3, width: width, height: bottom - 3)
        } else {
            headings = Rect(x: 0, y: 2, width: width, height: 0)
            body = Rect(x: 0, y: 2, width: width, height: bottom - 2)
        }
    }
}
