import Humas
import Postgres

/// The body of `POST /v1/campaigns`.
struct NewCampaignBody: RequestBody {
    var name: String
    var description: String?
    var startsOn: PostgresDate?
    var endsOn: PostgresDate?
    var unit: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, description, startsOn = "starts_on", endsOn = "ends_on", unit
    }

    var newCampaign: NewCampaign {
        NewCampaign(name: name, description: description, startsOn: startsOn, endsOn: endsOn, unit: unit)
    }
}
