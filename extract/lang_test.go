package extract

import (
	"testing"

	"github.com/zicht-project/zicht"
)

func TestDetectLang(t *testing.T) {
	tests := []struct {
		name, text string
		want       zicht.Lang
	}{
		{"dutch", "De rechtbank acht bewezen dat de verdachten de kinderen hebben gedwongen tot het plegen van diefstallen en dat zij daarvan hebben geprofiteerd.", zicht.Dutch},
		{"english", "The court found that the defendants forced the children to commit thefts and that they profited from the proceeds of those crimes.", zicht.English},
		{"too short", "De kinderen.", ""},
		{"empty", "", ""},
		{"german", "Das Gericht hat festgestellt, dass die Angeklagten die Kinder gezwungen haben, Diebstähle zu begehen, und davon profitiert haben.", ""},
		{"french", "Le tribunal a constaté que les accusés ont forcé les enfants à commettre des vols et qu'ils en ont tiré profit.", ""},
		{"numbers", "2017 2018 2019 2020 2021 2022 2023 2024 12 13 14 15", ""},
		{"dutch with english terms", "Uit het onderzoek blijkt dat de loverboy-methode en sextortion vaak samengaan met grooming via social media, en dat de slachtoffers niet altijd worden herkend.", zicht.Dutch},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := DetectLang(tt.text); got != tt.want {
				t.Errorf("DetectLang = %q, want %q", got, tt.want)
			}
		})
	}
}
