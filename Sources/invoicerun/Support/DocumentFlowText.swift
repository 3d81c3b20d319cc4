import InvoiceStore
import InvoicingCore

/// The document flow of an invoice as text: its source documents and their invoicing orders,
/// the invoice, the documents that correct it, each with its FI document, and what remains billed.
enum DocumentFlowText {
    /// The flow around `document`; for a cancellation, the flow of the invoice it cancels.
    static func render(_ document: Invoice, store: InvoiceStore) throws -> String {
        var root = document
        // From a cancellation or a memo, go up to the invoice the flow starts from.
        while let reference = root.reference, let preceding = try store.invoice(number: reference) {
            root = preceding
        }
        var text = "Document flow of \(root.number)\n\nSource documents\n"
        let position = Dictionary(uniqueKeysWithValues: root.sourceDocuments.enumerated().map { ($1, $0) })
        // Grouped by source document, in line order; each document's orders oldest first (stable sort).
        let traces = try store.orderTraces(sourceDocuments: root.sourceDocuments).sorted {
            position[$0.sourceDocument, default: 0] < position[$1.sourceDocument, default: 0]
        }
        for trace in traces {
            let state: String
            switch (trace.isOpen, trace.invoiceNumber) {
            case (false, let invoice?): state = "invoiced by \(invoice)"
            default: state = "open"
            }
            let origin = trace.reopenedBy.map { ", re-created by \($0)" } ?? ""
            // An order of some items: a part of an invoice split (or re-opened from one).
            let items = trace.items.map { ", items \($0.map(String.init).joined(separator: ", "))" } ?? ""
            text +=
                "  \(pad(trace.sourceDocument, 20)) \(pad(trace.category.rawValue, 6)) order \(state)\(origin)\(items)\n"
        }
        let deliveries = try store.deliveryLines(sourceDocuments: root.sourceDocuments)
        if !deliveries.isEmpty {
            text += "\nDelivery lines\n"
            for line in deliveries {
                text +=
                    "  \(pad(line.delivery, 12)) \(pad(line.sourceDocument, 20)) item \(pad(String(line.item), 5)) "
                    + "\(pad(line.material, 10)) \(pad(line.status.description, 19))"
                    + (line.invoiceNumber.map { " \($0)" } ?? "") + "\n"
            }
        }
        text += "\nDocuments\n" + row(root, indent: "  ")
        for clearing in root.advanceClearings {
            text += "    deducts \(clearing.kind.rawValue.lowercased()) \(clearing.number) \(clearing.grossAmount)\n"
        }
        if root.kind.isAdvance, let final = try store.clearingFinal(of: root.number) {
            text += "    deducted by the final invoice \(final)\n"
        }
        var remains = root.grossTotal
        try corrections(of: root, depth: 1, store: store, text: &text, remains: &remains)
        return text + "\nRemains billed: \(remains)\n"
    }

    /// The documents that correct `document` (memos, cancellations), each followed by its own.
    private static func corrections(
        of document: Invoice, depth: Int, store: InvoiceStore, text: inout String, remains: inout Money
    ) throws {
        let indent = String(repeating: "  ", count: depth)
        for link in try store.flowLinks(of: document.number) where link.preceding == document.number {
            guard let subsequent = try store.invoice(number: link.subsequent) else { continue }
            text += row(subsequent, indent: indent + "└ ")
            if subsequent.kind == .intercompany {
                // Internal: billed between company codes, so it changes nothing the customer owes.
                let receiver = try store.receiverPosting(of: subsequent.number)
                text +=
                    "\(indent)    internal invoice of company code \(subsequent.seller.id) to \(document.seller.id)"
                    + (receiver.map { ", received there by FI \($0.number)" } ?? "") + "\n"
                var internalRemains = subsequent.grossTotal
                try corrections(of: subsequent, depth: depth + 1, store: store, text: &text, remains: &internalRemains)
                continue
            }
            if subsequent.kind == .cancellation {
                text +=
                    "\(indent)    by \(link.createdBy) at \(link.createdAt)" + (link.reason.map { ": \($0)" } ?? "")
                    + "\n"
            } else {
                // A memo is made by a run from its request, which someone approved (or that needed no approval).
                for request in subsequent.sourceDocuments {
                    let decision = try store.decision(onRequest: request) ?? "no approval needed"
                    text += "\(indent)    from request \(request), \(decision); made by \(link.createdBy)\n"
                }
            }
            remains = try remains.adding(subsequent.grossTotal)
            try corrections(of: subsequent, depth: depth + 1, store: store, text: &text, remains: &remains)
        }
    }

    /// One document: number, kind, date, gross total and the FI document that posts it.
    private static func row(_ invoice: Invoice, indent: String) -> String {
        "\(indent)\(pad(invoice.number, 20)) \(pad(invoice.kind.rawValue, 13)) \(invoice.invoiceDate) "
            + "\(pad(String(describing: invoice.grossTotal), 16, right: true))  FI \(invoice.postingNumber)\n"
    }

    private static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - text.count))
        return right ? fill + text : text + fill
    }
}
