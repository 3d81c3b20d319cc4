public import InvoicingCore

/// A language of print layouts: fixed texts and the formats of numbers and dates.
public struct PrintLanguage: Sendable, Hashable {
    /// The language code that selects this language, e.g. `en` or `de`.
    public let code: String
    let decimalSeparator: Character
    let groupingSeparator: Character
    /// How dates are written: `dd`, `MM`, `MMM` (the month's name from `months`) and `yyyy`.
    let datePattern: String
    /// The months' short names, January first, for `MMM`.
    let months: [String]
    let labels: [String: String]
    /// `labels(for:)` of every kind, made once: a run asks for them with every document.
    private let labelsByKind: [PrintDocumentKind: [String: String]]

    /// A language from its formats and fixed texts (see `PrintLanguage+Texts.swift` for the keys).
    public init(
        code: String, decimalSeparator: Character, groupingSeparator: Character, datePattern: String,
        months: [String], labels: [String: String]
    ) {
        self.code = code
        self.decimalSeparator = decimalSeparator
        self.groupingSeparator = groupingSeparator
        self.datePattern = datePattern
        self.months = months.count == 12 ? months : PrintLanguage.englishMonths
        self.labels = labels
        let general = labels.filter { !$0.key.contains(".") }
        var labelsByKind: [PrintDocumentKind: [String: String]] = [:]
        for kind in PrintDocumentKind.allCases {
            var result = general
            let prefix = kind.textKey + "."
            for (key, text) in labels where key.hasPrefix(prefix) { result[String(key.dropFirst(prefix.count))] = text }
            labelsByKind[kind] = result
        }
        self.labelsByKind = labelsByKind
    }

    /// The language for an account's language code; English when there is no layout for it.
    public static func named(_ code: String) -> PrintLanguage {
        code == "de" ? german : english
    }

    /// The language of documents a company code prints for itself (its posting journal): German
    /// in Germany, Austria and Switzerland, English elsewhere.
    public static func forCountry(_ country: String) -> PrintLanguage {
        ["DE", "AT", "CH"].contains(country) ? german : english
    }

    /// The fixed text for `key`.
    public func label(_ key: String) -> String { labels[key] ?? key }

    /// The fixed text for `key` on a document of `kind`: the kind's own text (`creditMemo.gross`)
    /// if the language has one, else the general one (`gross`).
    public func label(_ key: String, for kind: PrintDocumentKind) -> String {
        // A key without a dot is in the kind's labels exactly as this rule has it; one with a
        // dot (no template key has one) is looked up as written.
        key.contains(".") ? labels["\(kind.textKey).\(key)"] ?? label(key) : labelsByKind[kind]?[key] ?? key
    }

    /// Every fixed text as a document of `kind` sees it: the kind's own texts replace the general
    /// ones under the general key, so a template writes `{{labels.gross}}` whatever the kind.
    public func labels(for kind: PrintDocumentKind) -> [String: String] {
        labelsByKind[kind] ?? [:]
    }

    /// An amount with grouping, e.g. `1,234.56` or `1.234,56`.
    public func format(_ amount: Money) -> String {
        amount.decimal.formatted(decimalSeparator: decimalSeparator, grouping: groupingSeparator)
    }

    /// A quantity or rate without trailing zeros (but at least `minimumScale` decimals).
    public func format(_ value: FixedDecimal, minimumScale: Int = 0) -> String {
        var shown = value.normalized
        if shown.scale < minimumScale {
            // Padding a huge value with zeros can leave Int64: then it prints at its own scale.
            shown = (try? shown.rescaled(to: minimumScale, rounding: .down)) ?? shown
        }
        return shown.formatted(decimalSeparator: decimalSeparator, grouping: groupingSeparator)
    }

    /// A date by the language's pattern: `24 Nov 2026` or `24.11.2026`.
    public func format(_ date: CalendarDate) -> String {
        var result = ""
        var rest = Substring(datePattern)
        while let first = rest.first {
            if rest.hasPrefix("yyyy") {
                result += String(date.year)
                rest = rest.dropFirst(4)
            } else if rest.hasPrefix("MMM") {
                result += months[date.month - 1]
                rest = rest.dropFirst(3)
            } else if rest.hasPrefix("MM") {
                result += pad(date.month)
                rest = rest.dropFirst(2)
            } else if rest.hasPrefix("dd") {
                result += pad(date.day)
                rest = rest.dropFirst(2)
            } else {
                result.append(first)
                rest = rest.dropFirst()
            }
        }
        return result
    }

    private func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    static let englishMonths = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
}
