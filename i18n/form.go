package i18n

// The capture form's texts for undo and redo, drafts, quitting, the
// suggested category and editing a mark (tui).
const (
	FormVisitor        Key = "form.visitor"
	FormRestored       Key = "form.restored"
	FormDraftFailed    Key = "form.draftFailed"
	FormRestoredHeld   Key = "form.restoredHeld"
	FormReadingDraft   Key = "form.readingDraft"
	FormRedone         Key = "form.redone"
	FormUndoFailed     Key = "form.undoFailed"
	FormRedoFailed     Key = "form.redoFailed"
	FormChangedSince   Key = "form.changedSince"
	FormEditChanged    Key = "form.editChanged"
	FormNothingToRedo  Key = "form.nothingToRedo"
	FormQuitAsk        Key = "form.quitAsk"
	FormQuitKeys       Key = "form.quitKeys"
	FormCatSuggested   Key = "form.catSuggested"
	FormCatNone        Key = "form.catNone"
	FormCatAsk         Key = "form.catAsk"
	FormCatPick        Key = "form.catPick"
	FormCatFirst       Key = "form.catFirst"
	FormCatNoLetter    Key = "form.catNoLetter"
	FormCatTypedAhead  Key = "form.catTypedAhead"
	FormCatPickSave    Key = "form.catPickSave"
	FormMarksHint      Key = "form.marksHint"
	FormMarkEditing    Key = "form.markEditing"
	FormMarkRemoved    Key = "form.markRemoved"
	FormEditingHint    Key = "form.editingHint"
	FormUnsavedOpen    Key = "form.unsavedOpen"
	FormHelpRedo       Key = "form.helpRedo"
	FormHelpMarks      Key = "form.helpMarks"
	FormHelpChangeMark Key = "form.helpChangeMark"
	FormHelpRemoveMark Key = "form.helpRemoveMark"
	FormHelpAddMark    Key = "form.helpAddMark"
)

// formTexts are the form's {English, Latvian} texts.
var formTexts = map[Key][2]string{
	FormVisitor:      {"Visitor", "Apmeklētājs"},
	FormRestored:     {"the unsaved visitor is back in the form (ctrl+z empties it)", "nesaglabātais apmeklētājs ir atpakaļ formā (ctrl+z to iztukšo)"},
	FormDraftFailed:  {"the form is not kept: %s", "forma nav saglabāta: %s"},
	FormReadingDraft: {"reading this form's draft… wait for it before typing", "lasa formas melnrakstu… pagaidiet, pirms rakstāt"},
	FormRestoredHeld: {"the unsaved visitor is back in the form; %d key typed while it was read was left out|the unsaved visitor is back in the form; %d keys typed while it was read were left out",
		"nesaglabātais apmeklētājs ir atpakaļ formā; %d taustiņi, nospiesti, kamēr to lasīja, netika izmantoti|nesaglabātais apmeklētājs ir atpakaļ formā; %d taustiņš, nospiests, kamēr to lasīja, netika izmantots|nesaglabātais apmeklētājs ir atpakaļ formā; %d taustiņi, nospiesti, kamēr to lasīja, netika izmantoti"},
	FormRedone:        {"redone #%d", "atjaunots #%d"},
	FormUndoFailed:    {"not undone: %s", "nav atsaukts: %s"},
	FormRedoFailed:    {"not redone: %s", "nav atjaunots: %s"},
	FormChangedSince:  {"#%d was changed in another session since: left as it is", "#%d kopš tā laika mainīts citā sesijā: atstāts, kā ir"},
	FormEditChanged:   {"#%d was changed in another session since it was opened: not saved (ctrl+e opens it as it is now)", "#%d kopš atvēršanas mainīts citā sesijā: nav saglabāts (ctrl+e to atver, kāds tas ir tagad)"},
	FormNothingToRedo: {"nothing to redo", "nav ko atjaunot"},
	FormQuitAsk:       {"Quit? The visitor in the form stays as a draft for the next start.", "Iziet? Formā esošais apmeklētājs paliks melnrakstā līdz nākamajai reizei."},
	FormQuitKeys:      {"y quit · n stay", "y iziet · n palikt"},
	FormCatSuggested:  {"suggested by its words (ctrl+t changes it)", "ieteikta pēc vārdiem (ctrl+t maina)"},
	FormCatNone:       {"— none (on purpose)", "— bez kategorijas (apzināti)"},
	FormCatAsk:        {"none yet: enter chooses one", "vēl nav: enter izvēlas"},
	FormCatPick:       {"its category: a letter jumps · enter adds the mark · esc back", "kategorija: burts pārlec · enter pievieno atzīmi · esc atpakaļ"},
	FormCatFirst:      {"“%s” needs a category: ↑/↓ choose one, enter saves the visitor", "“%s” vajag kategoriju: ↑/↓ izvēlieties, enter saglabā apmeklētāju"},
	FormCatTypedAhead: {"not saved yet: “%s” needs a category first — ↑/↓ choose one, enter saves (letters are not taken here)", "vēl nav saglabāts: “%s” vispirms vajag kategoriju — ↑/↓ izvēlieties, enter saglabā (burti šeit netiek ņemti)"},
	FormCatPickSave:   {"its category: ↑/↓ · enter saves the visitor · esc back", "kategorija: ↑/↓ · enter saglabā apmeklētāju · esc atpakaļ"},
	FormCatNoLetter:   {"no category starts with “%s”", "neviena kategorija nesākas ar “%s”"},
	FormMarksHint:     {"↑/↓ choose · enter change · del remove · esc back", "↑/↓ izvēlēties · enter mainīt · del noņemt · esc atpakaļ"},
	FormMarkEditing:   {"mark %d: enter keeps each part, or change it", "%d. atzīme: enter patur katru daļu, vai mainiet to"},
	FormMarkRemoved:   {"mark %d removed (ctrl+z brings it back)", "%d. atzīme noņemta (ctrl+z to atgriež)"},
	FormEditingHint:   {"editing #%d: ↑ chooses a mark to change", "labo #%d: ↑ izvēlas atzīmi, ko mainīt"},
	FormUnsavedOpen: {"#%d not opened: the form holds what is not saved yet — save it (ctrl+s) or take it back (ctrl+z, esc) first",
		"#%d nav atvērts: formā ir vēl nesaglabāts — vispirms saglabājiet (ctrl+s) vai atsauciet (ctrl+z, esc)"},
	FormHelpRedo:       {"redo", "atjaunot"},
	FormHelpMarks:      {"choose a mark", "izvēlēties atzīmi"},
	FormHelpChangeMark: {"change mark", "mainīt atzīmi"},
	FormHelpRemoveMark: {"remove mark", "noņemt atzīmi"},
	FormHelpAddMark:    {"add the mark", "pievienot atzīmi"},
}

// formRU are the form's Russian texts.
var formRU = map[Key]string{
	FormVisitor:        "Посетитель",
	FormRestored:       "несохранённый посетитель вернулся в форму (ctrl+z очищает её)",
	FormDraftFailed:    "форма не сохраняется: %s",
	FormReadingDraft:   "читается черновик формы… подождите, прежде чем печатать",
	FormRestoredHeld:   "несохранённый посетитель вернулся в форму; %d клавиша, нажатая, пока её читали, не учтена|несохранённый посетитель вернулся в форму; %d клавиши, нажатые, пока её читали, не учтены|несохранённый посетитель вернулся в форму; %d клавиш, нажатых, пока её читали, не учтены",
	FormRedone:         "возвращено №%d",
	FormUndoFailed:     "не отменено: %s",
	FormRedoFailed:     "не возвращено: %s",
	FormChangedSince:   "№%d с тех пор изменён в другом сеансе: оставлен как есть",
	FormEditChanged:    "№%d изменён в другом сеансе после открытия: не сохранено (ctrl+e откроет его в нынешнем виде)",
	FormNothingToRedo:  "нечего возвращать",
	FormQuitAsk:        "Выйти? Посетитель из формы останется черновиком до следующего запуска.",
	FormQuitKeys:       "y выйти · n остаться",
	FormCatSuggested:   "предложена по словам (ctrl+t меняет)",
	FormCatNone:        "— без категории (намеренно)",
	FormCatAsk:         "пока нет: enter выбирает",
	FormCatPick:        "категория: буква переходит · enter добавляет отметку · esc назад",
	FormCatFirst:       "для «%s» нужна категория: ↑/↓ выберите, enter сохраняет посетителя",
	FormCatTypedAhead:  "ещё не сохранено: для «%s» сначала нужна категория — ↑/↓ выберите, enter сохраняет (буквы здесь не принимаются)",
	FormCatPickSave:    "категория: ↑/↓ · enter сохраняет посетителя · esc назад",
	FormCatNoLetter:    "ни одна категория не начинается на «%s»",
	FormMarksHint:      "↑/↓ выбрать · enter изменить · del удалить · esc назад",
	FormMarkEditing:    "отметка %d: enter оставляет каждую часть, или измените её",
	FormMarkRemoved:    "отметка %d удалена (ctrl+z возвращает)",
	FormEditingHint:    "правка №%d: ↑ выбирает отметку для изменения",
	FormUnsavedOpen:    "№%d не открыт: в форме то, что ещё не сохранено, — сначала сохраните (ctrl+s) или отмените (ctrl+z, esc)",
	FormHelpRedo:       "вернуть",
	FormHelpMarks:      "выбрать отметку",
	FormHelpChangeMark: "изменить отметку",
	FormHelpRemoveMark: "удалить отметку",
	FormHelpAddMark:    "добавить отметку",
}
