internal import CLibXML2

/// Gathers the diagnostics libxml2 reports for one document or schema.
///
/// libxml2 calls back with a context pointer, so this is a class whose address is handed to C;
/// its owner keeps it alive for as long as libxml2 may call.
final class DiagnosticCollector {
    /// The name used when libxml2 does not know which file an error belongs to.
    let fileName: String
    private(set) var diagnostics: [XMLDiagnostic] = []

    init(fileName: String) {
        self.fileName = fileName
    }

    /// The pointer libxml2 passes back to ``DiagnosticCollector/structuredHandler``.
    var context: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }

    func append(_ diagnostic: XMLDiagnostic) {
        diagnostics.append(diagnostic)
    }

    func replace(_ old: XMLDiagnostic, with new: XMLDiagnostic) {
        if let index = diagnostics.lastIndex(of: old) {
            diagnostics[index] = new
        }
    }

    func removeDiagnostics(from index: Int) {
        diagnostics.removeSubrange(index...)
    }

    /// The first error or fatal error at or after `index`, if any.
    func firstError(from index: Int) -> XMLDiagnostic? {
        diagnostics[index...].first { $0.severity != .warning }
    }

    func append(libxml2Error error: UnsafePointer<xmlError>) {
        let raw = error.pointee
        let severity: XMLDiagnostic.Severity
        switch raw.level {
        case XML_ERR_WARNING: severity = .warning
        case XML_ERR_FATAL: severity = .fatal
        default: severity = .error
        }
        let file = raw.file.map { String(cString: $0) } ?? fileName
        let message = raw.message.map { Self.oneLine(String(cString: $0)) } ?? "unknown libxml2 error"
        append(
            XMLDiagnostic(
                file: file.isEmpty ? fileName : file,
                line: Int(raw.line),
                column: Int(raw.int2),
                severity: severity,
                message: message,
                code: raw.str3.map { String(cString: $0) } == HardenedEntityLoader.refusalMarker
                    ? .externalResourceRefused : .libxml2(Int(raw.code))
            )
        )
    }

    /// libxml2 ends messages with a newline and sometimes puts details on a second line; a
    /// `file:line:column: message` diagnostic must stay on one line to be linkable.
    static func oneLine(_ message: String) -> String {
        let parts = message.split(whereSeparator: \.isNewline).map {
            $0.trimmingWhitespace()
        }
        return parts.filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// The C callback for every libxml2 structured error channel.
    static let structuredHandler: xmlStructuredErrorFunc = { context, error in
        guard let context, let error else { return }
        let collector = Unmanaged<DiagnosticCollector>.fromOpaque(context).takeUnretainedValue()
        collector.append(libxml2Error: UnsafePointer(error))
    }

    /// A structured handler that drops everything, so nothing reaches stderr when no collector is active.
    static let discardingHandler: xmlStructuredErrorFunc = { _, _ in }

    /// Routes this thread's libxml2 messages that bypass a context's own handler to this collector
    /// while `body` runs, then to nowhere.
    ///
    /// libxml2 keeps these handlers per thread, so this is safe with other threads using libxml2.
    func capturingThreadErrors<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        invoicerun_silenceGenericErrors()
        xmlSetStructuredErrorFunc(context, Self.structuredHandler)
        defer { xmlSetStructuredErrorFunc(nil, Self.discardingHandler) }
        return try body()
    }
}

extension Substring {
    func trimmingWhitespace() -> String {
        guard let start = firstIndex(where: { !$0.isWhitespace }),
            let end = lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(self[start...end])
    }
}
