public import InvoicingCore

/// Which print of a document this is: the original, or a numbered copy or duplicate made later.
///
/// A copy prints the stored document unchanged; only its marks (and print date) differ.
public struct PrintEdition: Sendable, Hashable {
    /// Original, copy or duplicate.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// The first print, made by the run.
        case original
        /// A reprint for the file or on request, marked COPY n.
        case copy
        /// A reprint that replaces a lost original, marked DUPLICATE n.
        case duplicate
    }

    /// Original, copy or duplicate.
    public var kind: Kind
    /// The reprint count: 0 for the original, n for the n-th reprint ("Copy 2").
    public var reprint: Int
    /// The date the reprint was made; nil for the original, whose date is the document's.
    public var printDate: CalendarDate?
    /// Whether the document has been cancelled since it was made (set by the cancellation).
    public var cancelled: Bool

    /// Creates an edition.
    public init(kind: Kind, reprint: Int, printDate: CalendarDate?, cancelled: Bool = false) {
        self.kind = kind
        self.reprint = reprint
        self.printDate = printDate
        self.cancelled = cancelled
    }

    /// The first print, as the run makes it.
    public static let original = PrintEdition(kind: .original, reprint: 0, printDate: nil)

    /// The `reprint`-th reprint, made on `printDate`.
    public static func copy(_ reprint: Int, printDate: CalendarDate, cancelled: Bool = false) -> PrintEdition {
        PrintEdition(kind: .copy, reprint: reprint, printDate: printDate, cancelled: cancelled)
    }

    /// The `reprint`-th reprint as a duplicate of the original, made on `printDate`.
    public static func duplicate(_ reprint: Int, printDate: CalendarDate, cancelled: Bool = false) -> PrintEdition {
        PrintEdition(kind: .duplicate, reprint: reprint, printDate: printDate, cancelled: cancelled)
    }
}
