/// Where a party receives e-invoices (EN 16931 BT-34, BT-49): an identifier and its scheme from
/// the EAS code list, e.g. `9930:DE811907980` (a German VAT number) or `0088:4035811991021` (a GLN).
public struct ElectronicAddress: Sendable, Codable, Hashable, CustomStringConvertible {
    /// The EAS scheme code, e.g. `9930` or `0088`.
    public var scheme: String
    /// The identifier within the scheme.
    public var identifier: String

    /// Creates an address from its scheme and identifier.
    public init(scheme: String, identifier: String) {
        self.scheme = scheme
        self.identifier = identifier
    }

    /// Parses `SCHEME:IDENTIFIER`; nil when either part is empty or the scheme is not 4 digits or letters.
    public init?(_ text: String) {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let scheme = String(text[..<colon])
        let identifier = String(text[text.index(after: colon)...])
        guard (2...4).contains(scheme.count), scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }),
            !identifier.isEmpty, !identifier.contains(where: \.isWhitespace)
        else { return nil }
        self.init(scheme: scheme, identifier: identifier)
    }

    /// `SCHEME:IDENTIFIER`.
    public var description: String { "\(scheme):\(identifier)" }

    /// The VAT number as an electronic address, for countries whose VAT numbers have an EAS scheme.
    public init?(vatID: String) {
        let prefix = String(vatID.prefix(2))
        guard let scheme = Self.vatSchemes[prefix] else { return nil }
        self.init(scheme: scheme, identifier: vatID)
    }

    /// EAS schemes of VAT numbers by their two-letter prefix (EL is Greece).
    static let vatSchemes: [String: String] = [
        "AD": "9922", "AL": "9923", "BA": "9924", "BE": "9925", "BG": "9926", "CH": "9927", "CY": "9928",
        "CZ": "9929", "DE": "9930", "EE": "9931", "GB": "9932", "EL": "9933", "HR": "9934", "IE": "9935",
        "LI": "9936", "LT": "9937", "LU": "9938", "LV": "9939", "MC": "9940", "ME": "9941", "MK": "9942",
        "MT": "9943", "NL": "9944", "PL": "9945", "PT": "9946", "RO": "9947", "RS": "9948", "SI": "9949",
        "SK": "9950", "SM": "9951", "TR": "9952", "VA": "9953", "FR": "9957", "HU": "9910",
    ]
}

/// A standard e-invoice syntax an account can receive its invoices in.
public enum EInvoiceFormat: String, Sendable, Codable, Hashable, CaseIterable {
    /// OASIS UBL 2.1 Invoice or CreditNote, EN 16931 and PEPPOL BIS Billing 3.0.
    case ubl
    /// UN/CEFACT Cross Industry Invoice D16B, EN 16931.
    case cii
    /// UN/EDIFACT INVOIC D.96A, EANCOM style.
    case edifact
    /// ANSI X12 810 Invoice, version 004010.
    case x12
}
