import Postgres
import Testing

@Suite("LISTEN and NOTIFY")
struct NotifyTests {
    @Test("a notification reaches a listener with its payload")
    func delivered() throws {
        let listener = try TestDatabase.connect()
        let sender = try TestDatabase.connect()
        let channel = "humas test \(Int.random(in: 0..<1_000_000))"
        try listener.listen(channel)
        try sender.notify(channel, payload: "mailing 7 selesai ✅")
        let notification = try #require(try listener.waitForNotification(timeout: .seconds(5)))
        #expect(notification.channel == channel)
        #expect(notification.payload == "mailing 7 selesai ✅")
        #expect(notification.senderProcessID == sender.backendProcessID)
    }

    @Test("waiting with nothing sent times out with nil")
    func timesOut() throws {
        let listener = try TestDatabase.connect()
        try listener.listen("humas_quiet_\(Int.random(in: 0..<1_000_000))")
        let started = ContinuousClock.now
        #expect(try listener.waitForNotification(timeout: .milliseconds(200)) == nil)
        #expect(ContinuousClock.now - started >= .milliseconds(200))
    }
}
