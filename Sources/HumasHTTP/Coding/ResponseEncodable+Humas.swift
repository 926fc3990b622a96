import Humas
import Hummingbird

// The service's types are the API's resources: handlers return them as they are, encoded by
// the context's snake_case encoder. (Declared here so that Humas itself stays free of HTTP.)
extension Unit: ResponseGenerator {}
extension Unit: ResponseEncodable {}
extension User: ResponseGenerator {}
extension User: ResponseEncodable {}
extension ApiToken: ResponseGenerator {}
extension ApiToken: ResponseEncodable {}
extension IssuedToken: ResponseGenerator {}
extension IssuedToken: ResponseEncodable {}
extension ActingUser: ResponseGenerator {}
extension ActingUser: ResponseEncodable {}
extension Page: ResponseGenerator, ResponseEncodable {}
extension Contact: ResponseGenerator, ResponseEncodable {}
extension Organization: ResponseGenerator, ResponseEncodable {}
extension Affiliation: ResponseGenerator, ResponseEncodable {}
extension AffiliationMove: ResponseGenerator, ResponseEncodable {}
extension ContactList: ResponseGenerator, ResponseEncodable {}
extension ContactListDetail: ResponseGenerator, ResponseEncodable {}
extension ListMembershipChange: ResponseGenerator, ResponseEncodable {}
extension Segment: ResponseGenerator, ResponseEncodable {}
extension SegmentContactsPage: ResponseGenerator, ResponseEncodable {}
extension Interaction: ResponseGenerator, ResponseEncodable {}
extension ParticipantChange: ResponseGenerator, ResponseEncodable {}
extension Followup: ResponseGenerator, ResponseEncodable {}
extension Campaign: ResponseGenerator, ResponseEncodable {}
extension CampaignDetail: ResponseGenerator, ResponseEncodable {}
extension Mailing: ResponseGenerator, ResponseEncodable {}
extension MailPreview: ResponseGenerator, ResponseEncodable {}
extension DeliveryCounts: ResponseGenerator, ResponseEncodable {}
extension BounceImport: ResponseGenerator, ResponseEncodable {}
