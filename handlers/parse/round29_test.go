package parse

import "testing"

// TestStoryOfAnother: an illness told of a sibling, a friend, a stranger or a pet (or a
// relative's positive test) runs on through the clauses after it that name no one; a
// grandchild or a carer named in the elder's own story does not take it over, and a
// well after a relative is named stays the writer's.
func TestStoryOfAnother(t *testing.T) {
	checkCases(t, []parseCase{
		{"我姐在台湾 昨天中风住院了 急死我了", "other unknown - unknown - no none"},
		{"我女儿在上海阳了 发烧三十九度 我们俩老的没事", "checkin well - unknown - no none"},
		{"小区门口一个骑电动车的小伙子摔了，流了好多血，有人报警了", "other unknown - unknown - no none"},
		{"我家狗今天吐了，不吃东西", "other unknown - unknown - no none"},
		{"孙子也来了挺热闹，就是刚才洗碗的时候胸口一下子揪着疼，疼到后背，坐着都出汗", "urgent urgent - unknown - no alarm"},
		{"楼上放炮放得我心慌，一晚上没睡好", "checkin unwell - unknown - no none"},
		{"孙子放假回来了，挺好的", "checkin well - unknown - no none"},
		{"有人说我孙子在派出所，要交两万保释金，让我别告诉别人", "urgent unknown - unknown - no alarm"},
	})
}

// TestRound29Words: downstairs as a place, a well before the weather, Cantonese plurals.
func TestRound29Words(t *testing.T) {
	checkCases(t, []parseCase{
		{"上礼拜在楼下摔了 手腕骨折 现在打着石膏在家养着呢", "checkin unwell - unknown - no none"},
		{"我今天挺好的没有什么事情就是天气太热了不想出门", "checkin well - unknown - no none"},
		{"阳光很好", "other unknown - unknown - no none"},
		{"我哋冇事", "checkin well - unknown - no none"},
	})
}
