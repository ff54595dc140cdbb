# riskfactors.lex — circumstances that make children more vulnerable.
# Every risk factor has a stable id, a name in Dutch and English, and terms.
# [cue Q1] in cues.lex says which risk factors count as a vulnerability cue.

[riskfactor isolation]
name.nl: isolement
name.en: isolation
nl: isolement
nl: geïsoleerd*
nl: eenzaam*
nl: afgesloten van
nl: geen sociaal netwerk
nl: klein sociaal netwerk
nl: weinig sociale contacten
en: isolation
en: isolated
en: loneliness
en: lonely
en: no social network
en: cut off from

[riskfactor dependency]
name.nl: afhankelijkheid
name.en: dependency
nl: afhankelijk*
nl: *afhankelijkheid
nl: *afhankelijk
nl: afhankelijk gemaakt
en: dependen*
en: reliant on
en: reliance on

[riskfactor closed-setting]
name.nl: gesloten setting
name.en: closed setting
nl: gesloten gemeenschap*
nl: gesloten gezin*
nl: gesloten famili*
nl: gesloten cultuur
nl: gesloten karakter
nl: gesloten setting
nl: geslotenheid
nl: achter de voordeur
nl: achter gesloten deuren
nl: buiten het zicht
nl: uit het zicht
en: closed communit*
en: closed setting*
en: closed famil*
en: closed environment*
en: behind closed doors
en: behind the front door
en: out of sight
en: hidden from view

[riskfactor illegal-stay]
name.nl: illegaal verblijf
name.en: illegal stay
nl: illegaal verblijf
nl: illegaal verblijvend*
nl: illegaal in Nederland
nl: zonder verblijfsvergunning
nl: zonder papieren
nl: zonder verblijfsstatus
nl: zonder geldige verblijfsstatus
nl: geen verblijfsvergunning
nl: geen verblijfsstatus
nl: ongedocumenteerd*
nl: onrechtmatig verblijf
nl: uitgeprocedeerd*
en: illegal stay
en: illegally staying
en: illegally residing
en: undocumented
en: without papers
en: without a residence permit
en: without legal status
en: no legal status
en: insecure immigration status
en: irregular immigration status
nl: onzekere verblijfsstatus
en: irregular status
en: irregular migrant*

[riskfactor language-barrier]
name.nl: taalbarrière
name.en: language barrier
nl: taalbarrière*
nl: taalachterstand
nl: de taal niet
nl: geen Nederlands
nl: geen kennis van de taal
nl: onbekend met de taal
nl: onbekendheid met de taal
nl: geen kennis van de Nederlandse taal ~2 cultuur
nl: taal en cultuur
en: language barrier*
en: do not speak the language
en: don't speak the language
en: no knowledge of the language
en: limited language skills
en: language and culture

[riskfactor taboo]
name.nl: taboe
name.en: taboo
nl: taboe*
nl: schaamte*
nl: schaam*
nl: schamen
nl: stigmatiser*
any: stigma*
en: taboo*
en: shame
en: ashamed
en: stigmatis*
en: stigmatiz*

[riskfactor minority-stress]
name.nl: minderheidsstress
name.en: minority stress
nl: minderheidsstress
nl: homofob*
nl: transfob*
nl: discriminatie
nl: gediscrimineerd
nl: niet ~3 accepteren
nl: niet geaccepteerd
nl: verstoten*
nl: uit huis gezet
nl: uit de kast
en: minority stress
en: homophob*
en: transphob*
en: discriminat*
en: rejected by
en: not accepted
en: kicked out
en: thrown out
en: coming out

[riskfactor online-contact]
name.nl: online contact met onbekenden
name.en: online contact with strangers
any: online
any: internet
any: chat*
any: webcam*
any: sexting
any: Telegram
any: WhatsApp
any: Instagram
any: TikTok
any: Snapchat
any: Facebook
nl: sociale media
nl: fora
nl: forum*
nl: datingsite*
nl: datingapp*
en: social media
en: forums
en: dating app*
en: dating site*

[riskfactor child-marriage]
name.nl: kindhuwelijk
name.en: child marriage
nl: kindhuwelijk*
nl: kinderhuwelijk*
nl: gedwongen huwelijk*
nl: huwelijksdwang
nl: uithuwelijk*
nl: uitgehuwelijkt*
nl: huwelijken ~5 uit
nl: huwelijkt ~5 uit
nl: huwelijkte ~5 uit
nl: huwelijkten ~5 uit
nl: gearrangeerd* huwelijk*
nl: bruidsschat*
nl: bruidsprijs
nl: huwelijk* met minderjarig*
nl: trouwen ~3 minderjarig*
nl: minderjarig* getrouwd
nl: minderjarig* gehuwd
en: child marriage*
en: early marriage*
en: forced marriage*
en: arranged marriage*
en: underage marriage*
en: married off
en: marry ~3 off
en: marrying ~3 off
en: bride price
en: dowry

[riskfactor family-involvement]
name.nl: betrokkenheid van familie
name.en: family involvement
nl: familieleden
nl: eigen familie
nl: eigen ouders
nl: door ~2 ouders
nl: door ~2 familie*
nl: door ~2 vader
nl: door ~2 moeder
nl: onder dwang van ~2 ouders
nl: binnen de familie
nl: binnen het gezin
nl: binnen families
en: family members
en: in-laws
nl: schoonfamilie
en: relatives
en: aunt
en: uncle
en: stepmother
en: stepfather
en: grandparents
nl: oom
nl: tante
nl: stiefmoeder
nl: stiefvader
nl: grootouders
nl: familielid
en: own family
en: own parents
en: by ~2 parents
en: by ~2 family
en: by ~2 father
en: by ~2 mother
en: within the family
en: within families

[riskfactor debt]
name.nl: schulden
name.en: debt
nl: schuld
nl: schulden
nl: schuldenlast
nl: schuldslavernij
nl: afbetalen
nl: terugbetalen
nl: terug ~2 betalen
en: debt*
en: owe
en: owed
en: owing
en: repay*

[riskfactor prior-abuse]
name.nl: eerder misbruik
name.en: prior abuse
nl: eerder misbruikt
nl: eerder slachtoffer
nl: misbruik in het verleden
nl: trauma*
nl: getraumatiseerd*
nl: verwaarloosd*
nl: verwaarlozing
nl: huiselijk geweld
nl: mishandeld
nl: mishandeling
en: prior abuse
en: previous abuse
en: history of abuse
en: childhood abuse
en: abused in the past
en: trauma*
en: neglect*
en: domestic violence
en: maltreat*

# Further risk factors that come up often in the literature.

[riskfactor poverty]
name.nl: armoede
name.en: poverty
nl: armoede
nl: arm
nl: arme
nl: lage lonen
nl: geldgebrek
nl: financiële problemen
en: poverty
en: poor
en: low wages
en: financial problems

[riskfactor school-dropout]
name.nl: schooluitval
name.en: school dropout
nl: schoolverzuim
nl: schooluitval
nl: voortijdig schoolverlat*
nl: niet naar school
nl: van school ~1 wegblijven
nl: geen toegang tot onderwijs
nl: geen onderwijs
en: school dropout
en: dropped out of school
en: out of school
en: not in school
en: no access to education

[riskfactor intellectual-disability]
name.nl: licht verstandelijke beperking
name.en: intellectual disability
nl: verstandelijke beperking*
nl: verstandelijk beperkt*
nl: lvb
nl: lvb-jongeren
en: intellectual disabilit*
en: learning disabilit*

[riskfactor missing]
name.nl: vermissing
name.en: going missing
nl: vermist*
nl: vermissing*
nl: verdwijnen uit
nl: verdwenen uit
nl: verdwijnt uit
nl: met onbekende bestemming
nl: weggelopen
nl: weglopers
en: missing
en: disappear*
en: runaway*
en: ran away
en: went missing

[riskfactor addiction]
name.nl: verslaving
name.en: addiction
nl: verslaaf*
nl: verslaving*
nl: drugsgebruik
en: addict*
en: substance abuse
en: drug use

[riskfactor homelessness]
name.nl: dakloosheid
name.en: homelessness
nl: dakloos*
nl: thuisloos*
nl: zwerfjongeren
en: homeless*
en: sleeping rough
