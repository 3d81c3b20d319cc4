/// Finds the first byte that breaks UTF-8, for encoding detection and error positions.
enum UTF8Validator {
    /// The outcome of validating a buffer.
    enum Outcome: Equatable {
        /// Every byte belongs to a complete, well-formed sequence.
        case valid
        /// The sequence starting at this offset is malformed.
        case invalid(at: Int)
        /// The sequence starting at this offset is well-formed so far but cut off by the
        /// end of the buffer; more input may complete it.
        case truncated(at: Int)
    }

    /// Validates `bytes` against the Unicode well-formedness table (no overlongs,
    /// surrogates or scalars above U+10FFFF).
    static func validate(_ bytes: UnsafeBufferPointer<UInt8>) -> Outcome {
        let count = bytes.count
        var index = 0
        while index < count {
            // Text is mostly ASCII: skip eight ASCII bytes per step.
            if index + 8 <= count {
                let word = UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 == 0 {
                    index += 8
                    continue
                }
            }
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return .invalid(at: index)
            }
            // Only the second byte has a narrowed range; later ones are plain continuations.
            for offset in 1..<length {
                guard index + offset < count else { return .truncated(at: index) }
                let byte = bytes[index + offset]
                let inRange = offset == 1 ? (byte >= low && byte <= high) : (byte & 0xC0 == 0x80)
                if !inRange { return .invalid(at: index) }
            }
            index += length
        }
        return .valid
    }

    /// The offset of the first byte of the first malformed sequence, treating a cut-off
    /// sequence at the end as malformed; nil when `bytes` is valid.
    static func firstInvalidOffset(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        switch validate(bytes) {
        case .valid: nil
        case let .invalid(at), let .truncated(at): at
        }
    }
}
