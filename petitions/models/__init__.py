from petitions.models.blocklists import BlockedDomain, BlockedIPRange, validate_network
from petitions.models.deliveries import Delivery
from petitions.models.mailings import Mailing, Recipient
from petitions.models.paper import PaperImport, PaperSignature
from petitions.models.petitions import Demand, Petition, next_goal_step
from petitions.models.signatures import CountChange, Signature
from petitions.models.webhooks import (
    WebhookAttempt,
    WebhookDelivery,
    WebhookEndpoint,
    WebhookEvent,
)

__all__ = [
    "BlockedDomain",
    "BlockedIPRange",
    "CountChange",
    "Delivery",
    "Demand",
    "Mailing",
    "PaperImport",
    "PaperSignature",
    "Petition",
    "Recipient",
    "Signature",
    "WebhookAttempt",
    "WebhookDelivery",
    "WebhookEndpoint",
    "WebhookEvent",
    "next_goal_step",
    "validate_network",  # frozen in migration 0001
]
