import Foundation
import Humas
import Testing

/// Leak 1 of issue 9: a page cursor was unsigned `score:id`, and the search read the sort key of
/// the row behind the id without a scope check, so a sibling could page "after" a hidden contact
/// and learn where its name sorts. Each test here fails on the old code.
@Suite("Page cursors are signed, carry their own key, and are bound to user and query")
struct CursorTests {
    @Test("old-style cursors naming two different hidden contacts are both refused, for a listing and a search")
    func forgedCursorsAreRefused() async throws {
        let attack = try await CursorAttack.make()
        for text in ["", "halaman"] {
            for hidden in attack.hidden {
                let forged = CursorAttack.oldStyle(id: hidden)
                #expect(await refusesCursor {
                    _ = try await attack.demak.contacts.search(text, filters: attack.filters, limit: 10, cursor: forged)
                }, "q '\(text)', hidden contact \(hidden)")
            }
        }
        await attack.shutdown()
    }

    @Test("a signed cursor that was altered, truncated or made up is refused, echoing only a short prefix")
    func tamperedCursorIsRefused() async throws {
        let attack = try await CursorAttack.make()
        let first = try await attack.demak.contacts.list(attack.filters, limit: 2)
        let cursor = try #require(first.nextCursor)
        for bad in [CursorAttack.tampered(cursor, name: "zaki halaman rahasia"), String(cursor.dropLast(3)),
                    String(cursor.prefix { $0 != "." }), cursor + "A", String(repeating: "x", count: 80)] {
            #expect(await refusesCursor { _ = try await attack.demak.contacts.list(attack.filters, limit: 2, cursor: bad) }, "\(bad)")
        }
        do {
            _ = try await attack.demak.contacts.list(attack.filters, limit: 2, cursor: String(repeating: "y", count: 80))
            Issue.record("a made-up cursor was accepted")
        } catch HumasError.invalid(_, let message) {
            #expect(!message.contains(String(repeating: "y", count: 13)))
        }
        await attack.shutdown()
    }

    @Test("a cursor is refused for another user, other filters, other text and another listing")
    func foreignCursorIsRefused() async throws {
        let attack = try await CursorAttack.make()
        let cursor = try #require(try await attack.demak.contacts.list(attack.filters, limit: 2).nextCursor)
        #expect(await refusesCursor { _ = try await attack.surabaya.contacts.list(attack.filters, limit: 2, cursor: cursor) })
        let otherDemak = try await UserFixtures.session(.editor, at: CursorAttack.demak, on: attack.service)
        #expect(await refusesCursor { _ = try await otherDemak.contacts.list(attack.filters, limit: 2, cursor: cursor) })
        var narrower = attack.filters
        narrower.category = .journalist
        #expect(await refusesCursor { _ = try await attack.demak.contacts.list(narrower, limit: 2, cursor: cursor) })
        #expect(await refusesCursor { _ = try await attack.demak.contacts.search("budi", filters: attack.filters, limit: 2, cursor: cursor) })
        var organizations = OrganizationFilter()
        organizations.cursor = cursor
        #expect(await refusesCursor { _ = try await attack.demak.organizations.list(organizations) })
        await attack.shutdown()
    }

    @Test("paging with real cursors gives every visible contact once, in order, ties across page ends included")
    func pagingStillWorks() async throws {
        let attack = try await CursorAttack.make()
        for text in ["", "halaman"] {
            var seen: [Int64] = []
            var names: [String] = []
            var cursor: String?
            repeat {
                let page = try await attack.demak.contacts.search(text, filters: attack.filters, limit: 2, cursor: cursor)
                seen += page.contacts.map(\.id)
                names += page.contacts.map(\.fullName)
                cursor = page.nextCursor
            } while cursor != nil && seen.count < 50
            #expect(seen.count == attack.visible.count, "q '\(text)'")
            #expect(Set(seen) == Set(attack.visible), "q '\(text)'")
            if text.isEmpty { #expect(names == CursorAttack.visibleNames) }
        }
        await attack.shutdown()
    }

    @Test("segment contacts: an old-style cursor naming a hidden contact is refused; real cursors page through")
    func segmentCursors() async throws {
        let attack = try await CursorAttack.make()
        let segment = try await attack.demak.segments.create(name: "Halaman \(attack.tag)", filter: SegmentFilter(tag: attack.tag))
        for hidden in attack.hidden {
            #expect(await refusesCursor { _ = try await attack.demak.segments.resolve(segment.name, limit: 2, cursor: "0.0:\(hidden)") })
            #expect(await refusesCursor {
                _ = try await attack.demak.segments.resolve(segment.name, limit: 2, cursor: CursorAttack.oldStyle(id: hidden))
            })
        }
        var seen: [Int64] = []
        var cursor: String?
        repeat {
            let page = try await attack.demak.segments.resolve(segment.name, limit: 2, cursor: cursor)
            seen += page.contacts.map(\.contactID)
            cursor = page.nextCursor
        } while cursor != nil && seen.count < 50
        #expect(seen.sorted() == attack.visible.sorted())
        let contactsCursor = try #require(try await attack.demak.contacts.list(attack.filters, limit: 2).nextCursor)
        #expect(await refusesCursor { _ = try await attack.demak.segments.resolve(segment.name, limit: 2, cursor: contactsCursor) })
        await attack.shutdown()
    }

    @Test("the command line refuses an old-style cursor naming a hidden contact in one line, exit 1")
    func commandLineRefusal() async throws {
        let attack = try await CursorAttack.make()
        let run = try CommandLineRun([
            "contact", "list", "--tag", attack.tag, "--as", attack.demak.user.email,
            "--cursor", CursorAttack.oldStyle(id: attack.hidden[0]),
        ])
        #expect(run.status == 1)
        #expect(run.stderr.split(separator: "\n").count == 1)
        #expect(run.stderr.contains("cursor"))
        #expect(run.stdout.isEmpty)
        await attack.shutdown()
    }

    @Test("organizations: an old-style cursor is refused; real cursors page through in id order")
    func organizationCursors() async throws {
        let attack = try await CursorAttack.make()
        var filter = OrganizationFilter()
        filter.kind = .politicalParty
        filter.limit = 5
        filter.cursor = CursorAttack.oldStyle(score: "0.0", id: 1)
        #expect(await refusesCursor { _ = try await attack.demak.organizations.list(filter) })
        filter.cursor = nil
        var seen: [Int64] = []
        repeat {
            let page = try await attack.demak.organizations.list(filter)
            seen += page.organizations.map(\.id)
            filter.cursor = page.nextCursor
        } while filter.cursor != nil && seen.count < 500
        filter.cursor = nil
        filter.limit = 500
        let all = try await attack.demak.organizations.list(filter).organizations.map(\.id)
        #expect(seen == all)
        #expect(seen == seen.sorted())
        await attack.shutdown()
    }
}
