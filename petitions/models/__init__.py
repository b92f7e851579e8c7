from petitions.models.blocklists import BlockedDomain, BlockedIPRange, validate_network
from petitions.models.paper import PaperImport, PaperSignature
from petitions.models.petitions import Demand, Petition, next_goal_step
from petitions.models.signatures import CountChange, Signature

__all__ = [
    "BlockedDomain",
    "BlockedIPRange",
    "CountChange",
    "Demand",
    "PaperImport",
    "PaperSignature",
    "Petition",
    "Signature",
    "next_goal_step",
    "validate_network",  # frozen in migration 0001
]
