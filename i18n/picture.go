package i18n

// The pictures' texts: the map's legend and the board's folds, shared by
// the application, the projection and the report.
const (
	MapSteps         Key = "map.steps"
	MapNoMarks       Key = "map.noMarks"
	AppZeroPlaces    Key = "app.zeroPlaces"
	PictureTopWishes Key = "picture.topWishes"
)

// pictureTexts are the pictures' {English, Latvian} texts.
var pictureTexts = map[Key][2]string{
	MapSteps:   {"steps of %d; changes past %d", "solis %d; mainās virs %d"},
	MapNoMarks: {"no marks yet", "vēl nav atzīmju"},
	AppZeroPlaces: {"%d place with no marks yet|%d places with no marks yet",
		"%d apkaimes vēl bez atzīmēm|%d apkaime vēl bez atzīmēm|%d apkaimes vēl bez atzīmēm"},
	PictureTopWishes: {"Top wishes", "Biežākās vēlmes"},
}

// pictureRU are the pictures' Russian texts.
var pictureRU = map[Key]string{
	MapSteps:         "шаг %d; меняется выше %d",
	MapNoMarks:       "отметок пока нет",
	AppZeroPlaces:    "%d район без отметок|%d района без отметок|%d районов без отметок",
	PictureTopWishes: "Самые частые пожелания",
}
