package parse

import "testing"

// TestEnglish: an English sentence stays one clause (its spaces are joined, not made
// separators) and its words for the discriminators read as the Chinese ones, so a
// child abroad is heard; someone else's heart attack is someone else's.
func TestEnglish(t *testing.T) {
	checkCases(t, []parseCase{
		{"Grandma face droops on one side and she cant lift her arm pls help", "urgent urgent - unknown - yes"},
		{"my grandma passed out just now not responding", "urgent urgent - unknown - yes"},
		{"oxygen 87 grandpa breathing so fast", "urgent urgent - unknown - yes"},
		{"My dad has chest pain and is sweating a lot", "urgent urgent - unknown - yes"},
		{"My friend's mother in Vancouver just had a heart attack 😢 prayers please", "other unknown - unknown - no"},
		{"my grandma is fine, she says hi", "checkin well - unknown - yes"},
	})
}
