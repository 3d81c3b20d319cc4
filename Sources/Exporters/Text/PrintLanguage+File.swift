internal import Foundation

extension PrintLanguage {
    /// The JSON of a language file, `languages/CODE.json` in a templates folder.
    struct File: Decodable {
        var decimalSeparator: String?
        var groupingSeparator: String?
        var datePattern: String?
        var months: [String]?
        var labels: [String: String]?
    }

    /// The language `code` from a language file's JSON: what the file leaves out comes from the
    /// built-in language of that code, or from English.
    static func decode(_ data: Data, code: String, file: String) throws(TemplateError) -> PrintLanguage {
        let parsed: File
        do {
            parsed = try JSONDecoder().decode(File.self, from: data)
        } catch {
            throw TemplateError(file: file, line: 0, column: 0, message: "not a language file: \(error)")
        }
        let base = code == "de" ? german : english
        func separator(_ text: String?, _ fallback: Character, _ name: String) throws(TemplateError) -> Character {
            guard let text else { return fallback }
            guard text.count == 1, let character = text.first else {
                throw TemplateError(
                    file: file, line: 0, column: 0, message: "\(name) \"\(text)\": expected one character")
            }
            return character
        }
        if let months = parsed.months, months.count != 12 {
            throw TemplateError(
                file: file, line: 0, column: 0, message: "months: expected 12 names, found \(months.count)")
        }
        return PrintLanguage(
            code: code,
            decimalSeparator: try separator(parsed.decimalSeparator, base.decimalSeparator, "decimalSeparator"),
            groupingSeparator: try separator(parsed.groupingSeparator, base.groupingSeparator, "groupingSeparator"),
            datePattern: parsed.datePattern ?? base.datePattern, months: parsed.months ?? base.months,
            labels: base.labels.merging(parsed.labels ?? [:]) { _, own in own })
    }
}
