/// Conversions from a partner's way of writing values to the canonical one.
enum ValueConversion {
    /// `1.234,56` (decimal `,`, grouping `.`) to `1234.56`; refuses anything that is not a number
    /// written that way, e.g. misplaced grouping (`1.23,4`) or two separators (`1,2,3`).
    static func number(_ text: String, decimal: Character, grouping: Character?) -> String? {
        var characters = Array(text)
        var sign = ""
        if let first = characters.first, first == "-" || first == "+" {
            sign = first == "-" ? "-" : ""
            characters.removeFirst()
        }
        let parts = characters.split(separator: decimal, omittingEmptySubsequences: false)
        guard parts.count <= 2, let integerPart = parts.first, !integerPart.isEmpty else { return nil }
        var integer = ""
        if let grouping, integerPart.contains(grouping) {
            let groups = integerPart.split(separator: grouping, omittingEmptySubsequences: false)
            guard (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else {
                return nil
            }
            integer = groups.map { String($0) }.joined()
        } else {
            integer = String(integerPart)
        }
        guard integer.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        guard parts.count == 2 else { return sign + integer }
        let fraction = String(parts[1])
        guard !fraction.isEmpty, fraction.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return sign + integer + "." + fraction
    }

    /// A date written by `pattern` (`dd.MM.yyyy`, `yyyyMMdd`, `d/M/yy`, ...) as ISO `yyyy-MM-dd`;
    /// two-digit years are 2000–2099. Nil when the text does not follow the pattern.
    static func date(_ text: String, pattern: String) -> String? {
        let text = Array(text)
        let pattern = Array(pattern)
        var position = 0
        var index = 0
        var year: Int?
        var month: Int?
        var day: Int?
        func digits(minimum: Int, maximum: Int) -> Int? {
            var value = 0
            var count = 0
            while count < maximum, position < text.count, let digit = text[position].wholeNumberValue,
                text[position].isASCII
            {
                value = value * 10 + digit
                count += 1
                position += 1
            }
            return count >= minimum ? value : nil
        }
        while index < pattern.count {
            let token = pattern[index]
            var run = 1
            while index + run < pattern.count && pattern[index + run] == token { run += 1 }
            switch (token, run) {
            case ("y", 4): year = digits(minimum: 4, maximum: 4)
            case ("y", 2): year = digits(minimum: 2, maximum: 2).map { 2000 + $0 }
            case ("M", 1): month = digits(minimum: 1, maximum: 2)
            case ("M", 2): month = digits(minimum: 2, maximum: 2)
            case ("d", 1): day = digits(minimum: 1, maximum: 2)
            case ("d", 2): day = digits(minimum: 2, maximum: 2)
            default:
                for _ in 0..<run {
                    guard position < text.count, text[position] == token else { return nil }
                    position += 1
                }
            }
            index += run
        }
        guard position == text.count, let year, let month, let day else { return nil }
        func pad(_ value: Int, _ width: Int) -> String {
            String(repeating: "0", count: max(0, width - String(value).count)) + String(value)
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// Whether `pattern` is one `date(_:pattern:)` understands.
    static func isDatePattern(_ pattern: String) -> Bool {
        let tokens = pattern.filter { $0.isLetter }
        return tokens.filter({ $0 == "y" }).count >= 2 && tokens.contains("M") && tokens.contains("d")
            && tokens.allSatisfy { "yMd".contains($0) }
    }
}
