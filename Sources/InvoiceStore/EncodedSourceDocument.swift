public import InvoicingCore

/// A source document with the store's text columns and JSON payload already written into one
/// buffer, ready to be bound to the INSERT as it lies.
///
/// Encoding is a fifth of storing a document; made on the thread that reads a file, it leaves
/// the storing thread, the longer of the two, with only SQLite's work.
public struct EncodedSourceDocument: Sendable {
    /// Where each text column lies in `bytes`.
    struct Columns: Sendable {
        var id: Range<Int>
        var category: Range<Int>
        var account: Range<Int>
        var companyCode: Range<Int>
        var billingDate: Range<Int>
        var file: Range<Int>
        var payload: Range<Int>
    }

    /// The id of the document.
    public let id: String
    /// The line where the document starts in its file.
    let line: Int
    /// The document itself, kept only when storing it needs more than its columns (the lines
    /// of a delivery it references); otherwise it is released where it was encoded.
    let documentWithDeliveryLines: SourceDocument?
    /// The UTF-8 of the text columns and the payload, one after the other.
    let bytes: [UInt8]
    let columns: Columns

    /// Encodes `document`, read from `origin`, for the store.
    public init(_ document: SourceDocument, origin: InvoiceStore.DocumentOrigin) {
        id = document.id
        line = origin.line
        documentWithDeliveryLines = document.referenceDelivery == nil ? nil : document
        let capacity =
            document.storePayloadCapacity + 64 + document.id.utf8.count + document.category.rawValue.utf8.count
            + document.account.utf8.count + document.companyCode.utf8.count + origin.file.utf8.count
        var columns: Columns?
        bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
            // swift-format-ignore: NeverForceUnwrap
            let base = buffer.baseAddress!
            var writer = PayloadWriter(base: base, capacity: buffer.count)
            let id = writer.text(document.id)
            let category = writer.text(document.category.rawValue)
            let account = writer.text(document.account)
            let companyCode = writer.text(document.companyCode)
            let billingDate = writer.dateText(document.billingDate)
            let file = writer.text(origin.file)
            let payloadStart = writer.count
            count =
                payloadStart + document.writeStorePayload(to: base + payloadStart, capacity: capacity - payloadStart)
            columns = Columns(
                id: id, category: category, account: account, companyCode: companyCode, billingDate: billingDate,
                file: file, payload: payloadStart..<count)
        }
        guard let columns else { preconditionFailure("the initializer always writes the columns") }
        self.columns = columns
    }

    /// Where the document was read from. The file's name is read back from the column rather
    /// than kept as a `String`: one path shared by every document of a file would have its
    /// reference count touched from both threads for each of them.
    public var origin: InvoiceStore.DocumentOrigin {
        .init(file: String(decoding: bytes[columns.file], as: UTF8.self), line: line)
    }
}
