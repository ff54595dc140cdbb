package detect

import "github.com/zicht-project/zicht"

// GoldGroup reads a gold group label (a full id, "other", or a short label
// of the shared evaluation files such as G4) as a group id.
func GoldGroup(label string) zicht.GroupID { return groupID(label) }

// GoldRelation reads a gold stance on traffickers as a polarity slug, or "none".
func GoldRelation(label string) string { return relation(label) }
