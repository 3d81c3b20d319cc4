/// Powers of ten as `Int128`, so scaling never recomputes them on the hot path.
@usableFromInline
enum Powers {
    @usableFromInline
    static let ofTen: [Int128] = {
        var values: [Int128] = [1]
        for _ in 1...36 { values.append(values[values.count - 1] * 10) }
        return values
    }()

    /// Ten to the `exponent` (0...36).
    @inlinable
    static func ten(_ exponent: Int) -> Int128 { ofTen[exponent] }

    /// Ten to the `exponent` as `Int64`, or nil past 10^18.
    @inlinable
    static func tenInt64(_ exponent: Int) -> Int64? {
        switch exponent {
        case 0: return 1
        case 1: return 10
        case 2: return 100
        case 3: return 1_000
        case 4: return 10_000
        case 5: return 100_000
        case 6: return 1_000_000
        case 7: return 10_000_000
        case 8: return 100_000_000
        case 9: return 1_000_000_000
        case 10...18:
            var value: Int64 = 1_000_000_000
            for _ in 9..<exponent { value &*= 10 }
            return value
        default: return nil
        }
    }
}

extension Int128 {
    /// This value as `Int64` if it fits.
    @inlinable
    var exactInt64: Int64? {
        (self >= Int128(Int64.min) && self <= Int128(Int64.max)) ? Int64(self) : nil
    }
}
