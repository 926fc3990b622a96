#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A one-line progress display for long CLI jobs such as imports and mailings:
/// `Impor kontak [██████░░░░░░]  1200/5000  310/s  ETA 0:12`.
///
/// It draws on standard error, and only when standard error is a terminal, so piped or logged
/// output never contains it. Redraws are throttled to ten a second because a terminal repainting
/// on every record can slow a fast job more than the job itself.
///
/// Not `Sendable`: the task that runs the job owns the bar and is the only one to advance it.
final class ProgressBar {
    private let total: Int
    private let label: String
    private let isEnabled: Bool
    private let clock = ContinuousClock()
    private let start: ContinuousClock.Instant
    private var lastDraw: ContinuousClock.Instant?
    private var completed = 0
    private var isFinished = false

    /// Creates a bar and, on a terminal, draws it at zero.
    /// - Parameters:
    ///   - total: The number of items the job will process.
    ///   - label: What the job does, in the user's words.
    init(total: Int, label: String) {
        self.total = max(0, total)
        self.label = label
        isEnabled = isatty(STDERR_FILENO) == 1
        start = clock.now
        if isEnabled { draw(at: start) }
    }

    /// Records that `count` more items are done and redraws if the last redraw is 0.1 s old.
    func advance(by count: Int = 1) {
        guard !isFinished else { return }
        completed += count
        guard isEnabled else { return }
        let now = clock.now
        if let lastDraw, now - lastDraw < .milliseconds(100) { return }
        draw(at: now)
    }

    /// Draws the final state with the elapsed time and ends the line; later calls do nothing.
    func finish() {
        guard !isFinished else { return }
        isFinished = true
        if isEnabled { draw(at: clock.now) }
    }

    private func draw(at now: ContinuousClock.Instant) {
        lastDraw = now
        let elapsed = seconds(now - start)
        let rate = elapsed > 0 ? Double(completed) / elapsed : 0
        let timing: String
        if isFinished {
            timing = "in \(clockText(elapsed))"
        } else if rate > 0, completed < total {
            timing = "ETA \(clockText(Double(total - completed) / rate))"
        } else {
            timing = "ETA --:--"
        }
        let counts = "\(completed)/\(total)  \(rateText(rate))/s  \(timing)"
        let barWidth = min(40, max(10, terminalColumns() - label.count - counts.count - 6))
        let fraction = total > 0 ? min(1, Double(completed) / Double(total)) : (isFinished ? 1 : 0)
        let filled = Int((fraction * Double(barWidth)).rounded(.down))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: barWidth - filled)
        // "\r" returns to the line start and ESC[K clears what a longer previous line left behind.
        writeToStandardError("\r\(label) [\(bar)]  \(counts)\u{1B}[K" + (isFinished ? "\n" : ""))
    }

    private func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    private func rateText(_ rate: Double) -> String {
        rate >= 10 || rate == 0 ? String(Int(rate.rounded())) : String(Double(Int(rate * 10)) / 10)
    }

    /// `m:ss`, or `h:mm:ss` from an hour on.
    private func clockText(_ seconds: Double) -> String {
        let total = Int(min(seconds, 359_999).rounded())
        let (hours, minutes, secs) = (total / 3600, total / 60 % 60, total % 60)
        func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return hours > 0 ? "\(hours):\(twoDigits(minutes)):\(twoDigits(secs))" : "\(minutes):\(twoDigits(secs))"
    }

    /// The terminal's width, so the line never wraps (a wrapped line cannot be redrawn with "\r").
    private func terminalColumns() -> Int {
        var size = winsize()
        guard ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
        return Int(size.ws_col)
    }

    private func writeToStandardError(_ text: String) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return }  // A closed or broken terminal is no reason to fail the job.
            bytes = bytes.dropFirst(written)
        }
    }
}

@available(*, unavailable, message: "a ProgressBar belongs to the one task that runs the job")
extension ProgressBar: Sendable {}
