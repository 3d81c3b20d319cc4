/// The page of a printed document: how many characters a line and how many lines a page hold.
public struct PageSettings: Sendable, Hashable, Codable {
    /// The narrowest page a layout's columns fit on.
    public static let minimumWidth = 72
    /// The shortest page: enough for the first page's address block, one item and the totals.
    public static let minimumLength = 24
    /// 80 characters by 70 lines: A4 at 10 characters and 6 lines per inch.
    public static let standard = PageSettings(width: 80, length: 70)

    /// Characters per line; the description column takes what the fixed columns leave.
    public var width: Int
    /// Lines per page, the page footer included.
    public var length: Int

    /// Creates page settings; see `validated()` for the limits.
    public init(width: Int, length: Int) {
        self.width = width
        self.length = length
    }

    /// The settings, or an error naming what is out of range.
    public func validated() throws(TemplateError) -> PageSettings {
        guard (Self.minimumWidth...250).contains(width) else {
            throw TemplateError(
                file: "page settings", line: 0, column: 0,
                message: "page width \(width): expected \(Self.minimumWidth) to 250 characters")
        }
        guard (Self.minimumLength...1000).contains(length) else {
            throw TemplateError(
                file: "page settings", line: 0, column: 0,
                message: "page length \(length): expected \(Self.minimumLength) to 1000 lines")
        }
        return self
    }
}
