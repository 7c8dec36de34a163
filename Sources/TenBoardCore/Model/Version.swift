/// tenboard's version: `--version` and the board's set-up panel show it.
public enum TenBoardVersion {
    public static let current = "0.1.0"
}
