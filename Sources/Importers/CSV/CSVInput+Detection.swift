extension CSVInput {
    /// Whether the unconsumed input starts with the UTF-8 byte order mark (EF BB BF).
    mutating func startsWithByteOrderMark() throws(CSVError) -> Bool {
        while available < 3, !isAtEOF { try refill() }
        guard available >= 3 else { return false }
        return buffer[start] == 0xEF && buffer[start + 1] == 0xBB && buffer[start + 2] == 0xBF
    }

    /// The delimiter of the header line: the most frequent of `,` `;` and tab outside
    /// quotes, preferring that order on a tie, and `,` when none occurs.
    ///
    /// Reads until the header line is complete but consumes nothing.
    mutating func detectDelimiter() throws(CSVError) -> UInt8 {
        let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t")]
        while true {
            let (from, to, complete) = (start, end, isAtEOF)
            let counts: [Int]? = buffer.withUnsafeBufferPointer { bytes in
                var counts = [0, 0, 0]
                var index = from
                // Leading empty lines are skipped by the parser too.
                while index < to, bytes[index] == UInt8(ascii: "\r") || bytes[index] == UInt8(ascii: "\n") {
                    index += 1
                }
                var inQuotes = false
                while index < to {
                    let byte = bytes[index]
                    if byte == UInt8(ascii: "\"") {
                        // A doubled quote toggles twice, which leaves the state unchanged.
                        inQuotes.toggle()
                    } else if !inQuotes {
                        if byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\n") { return counts }
                        if let slot = candidates.firstIndex(of: byte) { counts[slot] += 1 }
                    }
                    index += 1
                }
                return complete ? counts : nil
            }
            if let counts {
                var best = 0
                for slot in 1..<counts.count where counts[slot] > counts[best] { best = slot }
                return candidates[best]
            }
            try refill()
        }
    }
}
