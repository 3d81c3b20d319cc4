import Foundation
import Glibc

/// A progress line for long commands, on standard error and only when it is a terminal: items
/// done, rate, and time left when the total is known. Redrawn at most five times a second, and
/// erased when the work is done, so what the command prints afterwards stands alone. Silent
/// when standard error is a file or a pipe, so logs and test output never see it.
struct Progress {
    private let label: String
    private let total: Int?
    private let unit: String
    private let enabled: Bool
    private let clock = ContinuousClock()
    private let start: ContinuousClock.Instant
    private var lastDrawn: ContinuousClock.Instant
    private var drawn = false

    /// - Parameters:
    ///   - total: the number of items, if known, for the percentage and the time left.
    ///   - enabled: nil to draw exactly when standard error is a terminal.
    init(_ label: String, total: Int? = nil, unit: String = "items", enabled: Bool? = nil) {
        self.label = label
        self.total = total
        self.unit = unit
        self.enabled = enabled ?? (isatty(STDERR_FILENO) == 1)
        start = clock.now
        lastDrawn = start
    }

    /// Reports `done` items; draws if enough time has passed since the last drawing.
    mutating func update(_ done: Int) {
        guard enabled else { return }
        let now = clock.now
        guard now - lastDrawn >= .milliseconds(200) else { return }
        lastDrawn = now
        draw(Self.line(label: label, done: done, total: total, unit: unit, elapsed: (now - start).inSeconds))
    }

    /// Erases the line.
    mutating func finish() {
        guard enabled, drawn else { return }
        draw("")
        drawn = false
    }

    private mutating func draw(_ text: String) {
        // Carriage return and erase-to-end-of-line: the line is rewritten in place.
        let bytes = Array(("\r\u{1B}[K" + text).utf8)
        _ = bytes.withUnsafeBytes { Glibc.write(STDERR_FILENO, $0.baseAddress, $0.count) }
        drawn = !text.isEmpty
    }

    /// The text of the line, e.g. `run: 4,200 of 10,000 units (42%), 1,050 units/s, 0:06 left`.
    static func line(label: String, done: Int, total: Int?, unit: String, elapsed: Double) -> String {
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        var text = "\(label): \(grouped(done))"
        if let total {
            text += " of \(grouped(total)) \(unit)"
            if total > 0 { text += " (\(done * 100 / total)%)" }
        } else {
            text += " \(unit)"
        }
        text += ", \(grouped(Int(rate))) \(unit)/s"
        if let total, rate > 0, done <= total {
            let left = Int((Double(total - done) / rate).rounded(.up))
            text += ", \(left / 60):" + String(format: "%02d", left % 60) + " left"
        }
        return text
    }

    /// `1234567` as `1,234,567`.
    private static func grouped(_ value: Int) -> String {
        let digits = String(value)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result += "," }
            result.append(digit)
        }
        return result
    }
}
