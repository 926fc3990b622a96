import Testing

/// The mailing suites, one at a time: they start SMTP servers and workers, and each worker
/// claims from the one shared queue.
@Suite("Mailings", .serialized)
struct MailingSuites {}
