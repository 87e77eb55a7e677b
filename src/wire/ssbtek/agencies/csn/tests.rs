use super::*;
use crate::xml::XmlErrorKind;
use chrono::NaiveDate;
use proptest::prelude::*;
use rust_decimal::Decimal;

use crate::codes::{
    CsnArendestatus, CsnBeloppstyp, CsnPersonstatus, CsnSekel, CsnSoktlan, CsnStodform, CsnTakt,
};
use crate::id::Sensitive;
use crate::model::ssbtek::{
    CsnArende, CsnBelopp, CsnBeviljadTid, CsnDatum, CsnPerson, CsnResultat, CsnSokttid,
    CsnStodArenden, CsnStudiestodstypforteckning, CsnUtbetaldTid, CsnUtbetalning, CsnVecka,
};
use crate::xml::{XmlDocument, XmlFragment};

fn dec(n: i64) -> Decimal {
    Decimal::from(n)
}

fn decode_ok(xml: &str) -> CsnDokument {
    decode(xml.as_bytes(), &DecodeLimits::default()).unwrap()
}

fn decode_err(xml: &str) -> XmlError {
    decode(xml.as_bytes(), &DecodeLimits::default()).unwrap_err()
}

/// Encodes, checks the declaration, decodes again and compares.
fn round_trip(doc: &CsnDokument) -> String {
    let bytes = encode(doc).unwrap();
    let text = String::from_utf8(bytes.clone()).unwrap();
    assert!(text.starts_with(r#"<?xml version="1.0" encoding="UTF-8"?>"#));
    let again = decode(&bytes, &DecodeLimits::default()).unwrap();
    assert_eq!(&again, doc);
    text
}

const V3: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<CSNSvar schemaVersion="3.0"
         xmlns="http://schema.csn.se/v3.0/kommunfraga"
         xmlns:ns5="http://schema.csn.se/v3.0/person"
         xmlns:ns4="http://schema.csn.se/v3.0/csntyper">
    <GemensamtSvarEkbistand>
        <Resultat>
            <ResultatKod>0</ResultatKod>
            <ResultatText>Inga uppgifter att redovisa</ResultatText>
        </Resultat>
    </GemensamtSvarEkbistand>
    <GemensamtFragaEkbistand/>
    <Personer>
        <Person personnummer="8507141234" Status="          " sekretess="  " sekel="19">
            <ns5:Studiestodstypforteckning>
                <ns4:studiemedel>0</ns4:studiemedel>
                <ns4:studiehjalp>0</ns4:studiehjalp>
                <ns4:hemutrustningslan>0</ns4:hemutrustningslan>
                <ns4:studiestartsstod>0</ns4:studiestartsstod>
            </ns5:Studiestodstypforteckning>
            <ns5:Studiemedel/>
            <ns5:Studiehjalp/>
            <ns5:HemutrustningsLan/>
            <ns5:Studiestartsstod/>
        </Person>
    </Personer>
</CSNSvar>
"#;

/// A v4.0 document with every stödtyp, written with other prefixes than the encoder's.
const V4: &str = r#"<k:CSNSvar xmlns:k="http://schema.csn.se/v4.0/kommunfraga"
 xmlns:p="http://schema.csn.se/v4.0/person" xmlns:t="http://schema.csn.se/v4.0/csntyper"
 xmlns:sm="http://schema.csn.se/v4.0/studiemedel" xmlns:hut="http://schema.csn.se/v4.0/hemutrustningslan"
 schemaVersion="4.0">
 <k:GemensamtSvarEkbistand><k:Resultat><k:ResultatKod>0</k:ResultatKod><k:ResultatText>Allt OK</k:ResultatText></k:Resultat></k:GemensamtSvarEkbistand>
 <k:GemensamtFragaEkbistand><sam:Begaran xmlns:sam="http://www.sambruk.se/SBNyttomeddelanden" sam:id="7"><sam:Text>a &amp; b</sam:Text></sam:Begaran></k:GemensamtFragaEkbistand>
 <k:Personer>
  <k:Person personnummer="9112245678" Status="          " sekretess="  " sekel="19">
   <p:Studiestodstypforteckning><t:studiemedel>2</t:studiemedel><t:studiehjalp>0</t:studiehjalp><t:hemutrustningslan>1</t:hemutrustningslan><t:studiestartsstod>1</t:studiestartsstod><t:omstallningsstudiestod>1</t:omstallningsstudiestod></p:Studiestodstypforteckning>
   <p:Studiemedel><p:Arenden>
    <p:Arende lopnummer="1">
     <sm:stodform>GRUND</sm:stodform><sm:klartext>Studiemedel för studier i Sverige</sm:klartext><sm:status>          </sm:status><sm:relarende>2</sm:relarende>
     <sm:soktaTider>
      <sm:soktTid><t:soktfrom>20240115</t:soktfrom><t:sokttom>20240602</t:sokttom><t:soktomfattning>100</t:soktomfattning><t:soktlan>J</t:soktlan></sm:soktTid>
      <sm:soktTid><t:soktfrom>20240819</t:soktfrom><t:sokttom>20250112</t:sokttom><t:soktomfattning>50</t:soktomfattning><t:soktlan> </t:soktlan></sm:soktTid>
     </sm:soktaTider>
     <sm:BeviljadeTider>
      <sm:BeviljadTid><t:starttid>202403</t:starttid><t:sluttid>202422</t:sluttid><t:takt>100</t:takt><t:gr_takt>100</t:gr_takt>
       <t:Beloppen>
        <t:Belopp><t:beloppstyp>GRUNDB</t:beloppstyp><t:klartext>Bidrag</t:klartext><t:belopp>3612</t:belopp><t:totbelopp>72240</t:totbelopp></t:Belopp>
        <t:Belopp><t:beloppstyp>GRUNDL</t:beloppstyp><t:klartext>Lån</t:klartext><t:belopp>8480</t:belopp><t:totbelopp>169600</t:totbelopp></t:Belopp>
        <t:Belopp><t:beloppstyp>TILL</t:beloppstyp><t:klartext>Tilläggslån</t:klartext><t:belopp>-120</t:belopp><t:totbelopp>-2400</t:totbelopp></t:Belopp>
       </t:Beloppen><t:totbelopp>239440</t:totbelopp></sm:BeviljadTid>
      <sm:BeviljadTid><t:starttid>202434</t:starttid><t:sluttid>202502</t:sluttid><t:Beloppen/><t:totbelopp>0</t:totbelopp></sm:BeviljadTid>
     </sm:BeviljadeTider>
     <sm:UtbetalningsPlan>
      <sm:Utbetalning><t:utbetdatum>20240125</t:utbetdatum><t:utbetstatus>Utbetald</t:utbetstatus>
       <t:Utbetaldatider>
        <t:Utbetaldtid><t:startvecka>202403</t:startvecka><t:slutvecka>202406</t:slutvecka><t:Beloppen>
         <t:Belopp><t:beloppstyp>GRUNDB</t:beloppstyp><t:klartext>Bidrag</t:klartext><t:belopp>3612</t:belopp><t:totbelopp>14448</t:totbelopp></t:Belopp>
         <t:Belopp><t:beloppstyp>GRUNDL</t:beloppstyp><t:klartext>Lån</t:klartext><t:belopp>8480</t:belopp><t:totbelopp>33920</t:totbelopp></t:Belopp>
        </t:Beloppen><t:totbelopp>48368</t:totbelopp></t:Utbetaldtid>
        <t:Utbetaldtid><t:startvecka>202407</t:startvecka><t:slutvecka>202407</t:slutvecka><t:Beloppen>
         <t:Belopp><t:beloppstyp>GRUNDB</t:beloppstyp><t:klartext>Bidrag</t:klartext><t:belopp>3612</t:belopp><t:totbelopp>3612</t:totbelopp></t:Belopp>
        </t:Beloppen><t:totbelopp>3612</t:totbelopp></t:Utbetaldtid>
       </t:Utbetaldatider><t:totbelopp>51980</t:totbelopp></sm:Utbetalning>
      <sm:Utbetalning><t:utbetdatum>20240225</t:utbetdatum><t:utbetstatus>Planerad</t:utbetstatus><t:Utbetaldatider/><t:totbelopp>0</t:totbelopp></sm:Utbetalning>
     </sm:UtbetalningsPlan>
    </p:Arende>
    <p:Arende lopnummer="2"><sm:stodform>MLÅN</sm:stodform><sm:klartext>Merkostnadslån</sm:klartext><sm:status>BESLUTAD</sm:status><sm:soktaTider/><sm:BeviljadeTider/><sm:UtbetalningsPlan/></p:Arende>
   </p:Arenden></p:Studiemedel>
   <p:Studiehjalp><p:Arenden/></p:Studiehjalp>
   <p:HemutrustningsLan><p:Arenden>
    <p:Arende lopnummer="1234567" medlanare="197001011239"><hut:stodform>HUT</hut:stodform><hut:klartext>Hemutrustningslån</hut:klartext><hut:status>AVSLUTAT</hut:status>
     <hut:UtbetalningsPlan><hut:Utbetalning><t:utbetdatum>20230301</t:utbetdatum><t:utbetstatus>UTBETALAD</t:utbetstatus><t:Utbetaldatider><t:Utbetaldtid><t:Beloppen><t:Belopp><t:beloppstyp>HUT</t:beloppstyp><t:klartext>Hemutrustningslån</t:klartext><t:belopp>9999999</t:belopp><t:totbelopp>9999999</t:totbelopp></t:Belopp></t:Beloppen><t:totbelopp>9999999</t:totbelopp></t:Utbetaldtid></t:Utbetaldatider><t:totbelopp>9999999</t:totbelopp></hut:Utbetalning></hut:UtbetalningsPlan>
    </p:Arende>
   </p:Arenden></p:HemutrustningsLan>
   <p:Studiestartsstod><p:Arenden>
    <p:Arende lopnummer="3" xmlns:s="http://schema.csn.se/v4.0/studiestartsstod"><s:stodform>SSSTÖD</s:stodform><s:klartext>Studiestartsstöd</s:klartext><s:status>INITIERAD</s:status>
     <s:soktaTider><s:soktTid><t:soktfrom>20240101</t:soktfrom><t:sokttom>20240630</t:sokttom><t:soktomfattning>75</t:soktomfattning></s:soktTid></s:soktaTider>
     <s:BeviljadeTider><s:BeviljadTid><t:starttid>202401</t:starttid><t:sluttid>202426</t:sluttid><t:takt>75</t:takt><t:Beloppen><t:Belopp><t:beloppstyp>STÖDB</t:beloppstyp><t:klartext>Studiestartsstöd bidrag</t:klartext><t:belopp>2709</t:belopp><t:totbelopp>70434</t:totbelopp></t:Belopp></t:Beloppen><t:totbelopp>70434</t:totbelopp></s:BeviljadTid></s:BeviljadeTider>
     <s:UtbetalningsPlan/>
    </p:Arende>
   </p:Arenden></p:Studiestartsstod>
   <p:Omstallningsstudiestod><p:Arenden>
    <p:Arende lopnummer="4"><o:stodform xmlns:o="http://schema.csn.se/v4.0/omstallningsstudiestod">OSS</o:stodform><klartext xmlns="http://schema.csn.se/v4.0/omstallningsstudiestod">Omställningsstudiestöd</klartext><o:status xmlns:o="http://schema.csn.se/v4.0/omstallningsstudiestod">BESLUTAT</o:status>
     <o:soktaTider xmlns:o="http://schema.csn.se/v4.0/omstallningsstudiestod"/><o:BeviljadeTider xmlns:o="http://schema.csn.se/v4.0/omstallningsstudiestod"/>
     <o:UtbetalningsPlan xmlns:o="http://schema.csn.se/v4.0/omstallningsstudiestod"><o:Utbetalning><t:utbetdatum>20241025</t:utbetdatum><t:utbetstatus>Planerad</t:utbetstatus><t:Utbetaldatider><t:Utbetaldtid><t:startvecka>202443</t:startvecka><t:Beloppen>
      <t:Belopp><t:beloppstyp>OSSBID</t:beloppstyp><t:klartext>Bidrag</t:klartext><t:belopp>5000</t:belopp><t:totbelopp>20000</t:totbelopp></t:Belopp>
      <t:Belopp><t:beloppstyp>OSSLÅN</t:beloppstyp><t:klartext>Lån</t:klartext><t:belopp>-999999</t:belopp><t:totbelopp>007</t:totbelopp></t:Belopp>
     </t:Beloppen><t:totbelopp>20007</t:totbelopp></t:Utbetaldtid></t:Utbetaldatider><t:totbelopp>20007</t:totbelopp></o:Utbetalning></o:UtbetalningsPlan>
    </p:Arende>
   </p:Arenden></p:Omstallningsstudiestod>
  </k:Person>
  <k:Person personnummer="0001010000" Status="Ej träff">
   <p:Studiestodstypforteckning><t:studiemedel/><t:studiehjalp> </t:studiehjalp><t:hemutrustningslan>0</t:hemutrustningslan><t:studiestartsstod>0</t:studiestartsstod><t:omstallningsstudiestod>0</t:omstallningsstudiestod></p:Studiestodstypforteckning>
   <p:Studiemedel/><p:Studiehjalp/><p:HemutrustningsLan/><p:Studiestartsstod/><p:Omstallningsstudiestod/>
  </k:Person>
 </k:Personer>
</k:CSNSvar>"#;

#[test]
fn csn_v3_document_decodes_and_round_trips() {
    let doc = decode_ok(V3);
    assert_eq!(doc.namespace_version, CsnNamespaceVersion::V3_0);
    assert_eq!(doc.schema_version, "3.0");
    assert_eq!(doc.resultat.kod, "0");
    assert_eq!(doc.resultat.text, "Inga uppgifter att redovisa");
    assert_eq!(
        doc.gemensamt_fraga.name().local(),
        "GemensamtFragaEkbistand"
    );
    let p = &doc.personer[0];
    assert_eq!(p.personnummer.expose(), "8507141234");
    assert_eq!(p.status, Some(CsnPersonstatus::Blank));
    assert_eq!(p.sekretess.as_deref(), Some("  "));
    assert_eq!(p.sekel, Some(CsnSekel::Sekel19));
    assert_eq!(p.studiestodstypforteckning.studiestartsstod, "0");
    assert_eq!(p.studiestodstypforteckning.omstallningsstudiestod, None);
    assert_eq!(p.omstallningsstudiestod, None);
    assert_eq!(p.studiemedel.arenden, None);
    assert_eq!(p.arenden().count(), 0);
    let text = round_trip(&doc);
    assert!(text.contains(r#"xmlns="http://schema.csn.se/v3.0/kommunfraga""#));
    assert!(text.contains(r#"Status="          " sekretess="  ""#));
    assert!(!text.contains("v4.0"));
}

#[test]
fn csn_v4_document_with_every_stodtyp_decodes_typed_and_round_trips() {
    let doc = decode_ok(V4);
    assert_eq!(doc.namespace_version, CsnNamespaceVersion::V4_0);
    assert_eq!(doc.personer.len(), 2);
    let p = &doc.personer[0];
    let kinds: Vec<_> = p
        .arenden()
        .map(|(s, a)| (s, a.stodform.code().to_owned()))
        .collect();
    assert_eq!(
        kinds,
        [
            (CsnStod::Studiemedel, "GRUND".to_owned()),
            (CsnStod::Studiemedel, "MLÅN".to_owned()),
            (CsnStod::Hemutrustningslan, "HUT".to_owned()),
            (CsnStod::Studiestartsstod, "SSSTÖD".to_owned()),
            (CsnStod::Omstallningsstudiestod, "OSS".to_owned()),
        ]
    );
    let sm = &p.studiemedel.arenden.as_ref().unwrap()[0];
    assert_eq!(sm.status, CsnArendestatus::Blank);
    assert_eq!(sm.relarende.as_deref(), Some("2"));
    let sokta = sm.sokta_tider.as_ref().unwrap();
    assert_eq!(
        sokta[0].soktfrom.date(),
        NaiveDate::from_ymd_opt(2024, 1, 15)
    );
    assert_eq!(sokta[0].soktomfattning, CsnTakt::Procent100);
    assert_eq!(sokta[0].soktlan, Some(CsnSoktlan::Ja));
    assert_eq!(sokta[1].soktlan, Some(CsnSoktlan::Blank));
    let bev = &sm.beviljade_tider.as_ref().unwrap()[0];
    assert_eq!(
        bev.starttid.first_day(),
        NaiveDate::from_ymd_opt(2024, 1, 15)
    );
    assert_eq!(bev.sluttid.last_day(), NaiveDate::from_ymd_opt(2024, 6, 2));
    assert_eq!(bev.gr_takt.as_deref(), Some("100"));
    assert_eq!(bev.beloppen.len(), 3);
    assert_eq!(bev.beloppen[2].belopp, dec(-120));
    assert_eq!(bev.beloppen[2].totbelopp, dec(-2400));
    assert!(bev.beloppen[1].beloppstyp.is_loan());
    assert_eq!(bev.totbelopp, dec(239_440));
    let plan = &sm.utbetalningsplan;
    assert_eq!(
        plan[0].utbetdatum.date(),
        NaiveDate::from_ymd_opt(2024, 1, 25)
    );
    assert!(plan[0].utbetstatus.is_paid());
    assert!(!plan[1].utbetstatus.is_paid());
    assert_eq!(plan[0].utbetalda_tider.len(), 2);
    assert_eq!(
        plan[0].utbetalda_tider[0].beloppen[1].totbelopp,
        dec(33_920)
    );
    assert_eq!(plan[0].totbelopp, dec(51_980));
    let sum: Decimal = plan[0].utbetalda_tider.iter().map(|t| t.totbelopp).sum();
    assert_eq!(sum, plan[0].totbelopp);
    let hut = &p.hemutrustningslan.arenden.as_ref().unwrap()[0];
    assert_eq!(hut.lopnummer, "1234567");
    assert_eq!(
        hut.medlanare.as_ref().map(Sensitive::expose),
        Some("197001011239")
    );
    assert_eq!(hut.sokta_tider, None);
    assert_eq!(hut.beviljade_tider, None);
    assert_eq!(
        hut.utbetalningsplan[0].utbetstatus,
        CsnUtbetalningsstatus::Utbetalad
    );
    assert_eq!(hut.utbetalningsplan[0].totbelopp, dec(9_999_999));
    assert_eq!(hut.utbetalningsplan[0].utbetalda_tider[0].startvecka, None);
    let oss = &p
        .omstallningsstudiestod
        .as_ref()
        .unwrap()
        .arenden
        .as_ref()
        .unwrap()[0];
    let rader = &oss.utbetalningsplan[0].utbetalda_tider[0];
    assert_eq!(rader.slutvecka, None);
    assert_eq!(rader.beloppen[1].beloppstyp, CsnBeloppstyp::Osslan);
    assert_eq!(rader.beloppen[1].belopp, dec(-999_999));
    assert_eq!(rader.beloppen[1].totbelopp, dec(7));
    assert_eq!(oss.status, CsnArendestatus::Beslutat);
    assert_eq!(p.studiehjalp.arenden, Some(Vec::new()));
    let q = &doc.personer[1];
    assert_eq!(q.status, Some(CsnPersonstatus::EjTraff));
    assert_eq!((q.sekretess.as_ref(), q.sekel), (None, None));
    assert_eq!(q.studiestodstypforteckning.studiemedel, "");
    assert_eq!(q.studiestodstypforteckning.studiehjalp, " ");
    assert!(q.omstallningsstudiestod.is_some());
    let fraga = doc.gemensamt_fraga.elements().next().unwrap();
    assert_eq!(
        fraga
            .text_of(Some("http://www.sambruk.se/SBNyttomeddelanden"), "Text")
            .as_deref(),
        Some("a & b")
    );

    let debug = format!("{doc:?}");
    for secret in ["9112245678", "0001010000", "197001011239"] {
        assert!(!debug.contains(secret), "{secret} in {debug}");
    }
    let text = round_trip(&doc);
    assert!(text.contains("http://schema.csn.se/v4.0/omstallningsstudiestod"));
    assert!(text.contains("<sm:status>          </sm:status>"));
    assert!(!text.contains("v3.0"));
    // the JSON form round-trips too
    let json = serde_json::to_string(&doc).unwrap();
    assert_eq!(serde_json::from_str::<CsnDokument>(&json).unwrap(), doc);
}

fn v4_with(from: &str, to: &str) -> String {
    assert!(V4.contains(from), "{from}");
    V4.replacen(from, to, 1)
}

#[test]
fn csn_unknown_element_is_unexpected_with_a_path() {
    let err = decode_err(&v4_with(
        "<t:klartext>Bidrag</t:klartext><t:belopp>3612</t:belopp><t:totbelopp>72240",
        "<t:klartext>Bidrag</t:klartext><t:okand/><t:belopp>3612</t:belopp><t:totbelopp>72240",
    ));
    assert!(
        matches!(err.kind(), XmlErrorKind::UnexpectedElement { name } if name.ends_with("}okand")),
        "{err}"
    );
    assert!(
        err.position()
            .path()
            .ends_with("/BeviljadTid/Beloppen/Belopp/okand"),
        "{err}"
    );
    assert!(err.position().line() > 1);
}

#[test]
fn csn_element_in_the_wrong_namespace_is_unexpected() {
    // stodform of a studiemedel ärende is in the studiemedel namespace, not person's
    let err = decode_err(&v4_with(
        "<sm:stodform>GRUND</sm:stodform>",
        "<p:stodform>GRUND</p:stodform>",
    ));
    assert_eq!(
        err.kind(),
        &XmlErrorKind::UnexpectedElement {
            name: "{http://schema.csn.se/v4.0/person}stodform".into()
        }
    );
    assert!(
        err.position()
            .path()
            .ends_with("/Studiemedel/Arenden/Arende/stodform"),
        "{err}"
    );
    // ... and a v3.0 namespace inside a v4.0 document is wrong too
    let err = decode_err(&V4.replacen(
        r#"<p:Studiestodstypforteckning>"#,
        r#"<p:Studiestodstypforteckning xmlns:t="http://schema.csn.se/v3.0/csntyper">"#,
        1,
    ));
    assert!(
        matches!(err.kind(), XmlErrorKind::UnexpectedElement { .. }),
        "{err}"
    );
    // soktTid's children are in csntyper
    let err = decode_err(&v4_with(
        "<t:soktfrom>20240115</t:soktfrom>",
        "<sm:soktfrom>20240115</sm:soktfrom>",
    ));
    assert!(
        matches!(err.kind(), XmlErrorKind::UnexpectedElement { .. }),
        "{err}"
    );
    // a root in another namespace
    let err = decode_err(&V3.replace("v3.0/kommunfraga", "v3.0/person"));
    assert!(
        matches!(err.kind(), XmlErrorKind::UnexpectedElement { name } if name.ends_with("}CSNSvar")),
        "{err}"
    );
}

#[test]
fn csn_bad_amounts_are_invalid_values_without_the_value() {
    for bad in ["12a", "12345678", "", " 12", "1.5", "+12"] {
        let err = decode_err(&v4_with(
            "<t:belopp>3612</t:belopp><t:totbelopp>72240",
            &format!("<t:belopp>{bad}</t:belopp><t:totbelopp>72240"),
        ));
        assert_eq!(
            err.kind(),
            &XmlErrorKind::InvalidValue {
                expected: BELOPP_EXPECTED
            },
            "{bad}"
        );
        assert!(
            err.position().path().ends_with("/Beloppen/Belopp/belopp"),
            "{err}"
        );
        if !bad.trim().is_empty() {
            assert!(!err.to_string().contains(bad.trim()), "{err}");
        }
    }
}

#[test]
fn csn_bad_personnummer_shape_is_refused_without_the_digits() {
    for bad in [
        "9121245678",
        "911224567",
        "91122456781",
        "9112245a78",
        "9112445678",
        "191122456781",
    ] {
        let err = decode_err(&V4.replacen("9112245678", bad, 1));
        assert_eq!(
            err.kind(),
            &XmlErrorKind::InvalidValue {
                expected: PERSONNUMMER
            },
            "{bad}"
        );
        assert!(err.position().path().ends_with("/Personer/Person"), "{err}");
        assert!(!err.to_string().contains(bad), "{err}");
        assert!(!format!("{err:?}").contains(bad), "{err:?}");
    }
    let err = decode_err(&V3.replace(r#"personnummer="8507141234" "#, ""));
    assert_eq!(
        err.kind(),
        &XmlErrorKind::MissingAttribute {
            name: "personnummer"
        }
    );
}

#[test]
fn csn_missing_resultat_is_a_missing_element() {
    let doc = V3.replacen(
        "<Resultat>\n            <ResultatKod>0</ResultatKod>\n            <ResultatText>Inga uppgifter att redovisa</ResultatText>\n        </Resultat>",
        "",
        1,
    );
    assert_ne!(doc, V3);
    let err = decode_err(&doc);
    assert_eq!(
        err.kind(),
        &XmlErrorKind::MissingElement { name: "Resultat" }
    );
    assert_eq!(err.position().path(), "/CSNSvar/GemensamtSvarEkbistand");
    let err = decode_err(&V3.replacen("<ResultatKod>0</ResultatKod>", "", 1));
    assert_eq!(
        err.kind(),
        &XmlErrorKind::MissingElement {
            name: "ResultatKod"
        }
    );
}

#[test]
fn csn_structure_follows_each_stodtyp_schema() {
    // hemutrustningslån has no soktaTider
    let err = decode_err(&v4_with(
        "<hut:status>AVSLUTAT</hut:status>",
        "<hut:status>AVSLUTAT</hut:status><hut:soktaTider/>",
    ));
    assert!(
        matches!(err.kind(), XmlErrorKind::UnexpectedElement { .. }),
        "{err}"
    );
    // ... nor relarende; omställningsstudiestöd neither
    let err = decode_err(&v4_with(
        "<hut:status>AVSLUTAT</hut:status>",
        "<hut:status>AVSLUTAT</hut:status><hut:relarende>1</hut:relarende>",
    ));
    assert!(
        matches!(err.kind(), XmlErrorKind::UnexpectedElement { .. }),
        "{err}"
    );
    // medlanare only on hemutrustningslån
    let err = decode_err(&v4_with(
        r#"<p:Arende lopnummer="1">"#,
        r#"<p:Arende lopnummer="1" medlanare="x">"#,
    ));
    assert_eq!(
        err.kind(),
        &XmlErrorKind::InvalidValue {
            expected: ATTRIBUTES
        }
    );
    // lopnummer: 7 digits for HUT, 3 otherwise
    let err = decode_err(&v4_with(
        r#"<p:Arende lopnummer="1">"#,
        r#"<p:Arende lopnummer="1234">"#,
    ));
    assert_eq!(
        err.kind(),
        &XmlErrorKind::InvalidValue {
            expected: LOPNUMMER.expected
        }
    );
    // order: relarende after soktaTider is misplaced
    let err = decode_err(&v4_with(
        "<sm:relarende>2</sm:relarende>\n     <sm:soktaTider>",
        "\n     <sm:soktaTider><sm:relarende>2</sm:relarende>",
    ));
    assert!(
        matches!(err.kind(), XmlErrorKind::UnexpectedElement { .. }),
        "{err}"
    );
    let err = decode_err(&v4_with(
        "<sm:UtbetalningsPlan/></p:Arende>",
        "<sm:UtbetalningsPlan/><sm:UtbetalningsPlan/></p:Arende>",
    ));
    assert_eq!(
        err.kind(),
        &XmlErrorKind::Duplicate {
            name: "UtbetalningsPlan"
        }
    );
    let err = decode_err(&v4_with(
        "<sm:soktaTider/><sm:BeviljadeTider/>",
        "<sm:BeviljadeTider/>",
    ));
    assert_eq!(
        err.kind(),
        &XmlErrorKind::MissingElement { name: "soktaTider" }
    );
    // v4.0 requires omställningsstudiestöd, v3.0 does not know it
    let err = decode_err(&v4_with("<p:Omstallningsstudiestod/>", ""));
    assert_eq!(
        err.kind(),
        &XmlErrorKind::MissingElement {
            name: "Omstallningsstudiestod"
        }
    );
    let err = decode_err(&V3.replacen(
        "<ns5:Studiestartsstod/>",
        "<ns5:Studiestartsstod/><ns5:Omstallningsstudiestod/>",
        1,
    ));
    assert!(
        matches!(err.kind(), XmlErrorKind::UnexpectedElement { .. }),
        "{err}"
    );
    // enumerations are exact: a trimmed blank status is refused
    let err = decode_err(&v4_with(
        "<sm:status>          </sm:status>",
        "<sm:status></sm:status>",
    ));
    assert_eq!(err.kind(), &XmlErrorKind::InvalidValue { expected: STATUS });
    let err = decode_err(&V3.replacen(r#"Status="          ""#, r#"Status="         ""#, 1));
    assert_eq!(
        err.kind(),
        &XmlErrorKind::InvalidValue {
            expected: PERSONSTATUS
        }
    );
    let err = decode_err(&v4_with(
        "<t:utbetstatus>Planerad</t:utbetstatus>",
        "<t:utbetstatus>Makulerad</t:utbetstatus>",
    ));
    assert_eq!(
        err.kind(),
        &XmlErrorKind::InvalidValue {
            expected: UTBETSTATUS
        }
    );
    let err = decode_err(&v4_with(
        "<sm:klartext>Merkostnadslån</sm:klartext>",
        &format!("<sm:klartext>{}</sm:klartext>", "å".repeat(41)),
    ));
    assert_eq!(
        err.kind(),
        &XmlErrorKind::InvalidValue {
            expected: KLARTEXT.expected
        }
    );
    let err = decode_err(&v4_with(
        "<sm:stodform>MLÅN</sm:stodform>",
        "<sm:stodform>MLÅNUXY</sm:stodform>",
    ));
    assert_eq!(
        err.kind(),
        &XmlErrorKind::InvalidValue { expected: STODFORM }
    );
    // undeclared attributes
    let err = decode_err(&V3.replacen("<ResultatKod>", r#"<ResultatKod typ="x">"#, 1));
    assert_eq!(
        err.kind(),
        &XmlErrorKind::InvalidValue {
            expected: ATTRIBUTES
        }
    );
    let err = decode_err(&V3.replacen(r#"sekel="19""#, r#"sekel="19" ns5:sekel="19""#, 1));
    assert_eq!(
        err.kind(),
        &XmlErrorKind::InvalidValue {
            expected: ATTRIBUTES
        }
    );
    // eleven persons are one too many
    let person = &V3[V3.find("<Person ").unwrap()..V3.find("</Personer>").unwrap()];
    let many = V3.replacen(person, &person.repeat(11), 1);
    assert_eq!(
        decode_err(&many).kind(),
        &XmlErrorKind::Duplicate { name: "Person" }
    );
    assert_eq!(
        decode_ok(&V3.replacen(person, &person.repeat(10), 1))
            .personer
            .len(),
        10
    );
    // text after the root, a missing schemaVersion
    assert!(decode(format!("{V3}<x/>").as_bytes(), &DecodeLimits::default()).is_err());
    let err = decode_err(&V3.replacen(r#"schemaVersion="3.0""#, "", 1));
    assert_eq!(
        err.kind(),
        &XmlErrorKind::MissingAttribute {
            name: "schemaVersion"
        }
    );
    let err = decode_err(&V3.replacen(r#"schemaVersion="3.0""#, r#"schemaVersion="3,0""#, 1));
    assert_eq!(
        err.kind(),
        &XmlErrorKind::InvalidValue {
            expected: SCHEMA_VERSION.expected
        }
    );
}

#[test]
fn csn_other_versions_decode_in_their_own_namespaces() {
    let v5 = V4.replace("/v4.0/", "/v5.1/");
    let doc = decode_ok(&v5);
    assert_eq!(doc.namespace_version.to_string(), "v5.1");
    let text = round_trip(&doc);
    assert!(text.contains("http://schema.csn.se/v5.1/hemutrustningslan"));
    assert!(
        decode(
            V4.replace("/v4.0/", "/v04.0/").as_bytes(),
            &DecodeLimits::default()
        )
        .is_err()
    );
    // mixed versions are refused
    let mixed = V4.replacen(
        "http://schema.csn.se/v4.0/person",
        "http://schema.csn.se/v3.0/person",
        1,
    );
    assert!(matches!(
        decode_err(&mixed).kind(),
        XmlErrorKind::UnexpectedElement { .. }
    ));
}

#[test]
fn csn_encode_refuses_what_decode_would_refuse() {
    let doc = decode_ok(V4);
    let check = |doc: &CsnDokument| {
        let err = encode(doc).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::InvalidInput);
        err.to_string()
    };
    let mut bad = doc.clone();
    let hut = &mut bad.personer[0].hemutrustningslan.arenden.as_mut().unwrap()[0];
    hut.sokta_tider = Some(Vec::new());
    check(&bad);
    let mut bad = doc.clone();
    let sm = &mut bad.personer[0].studiemedel.arenden.as_mut().unwrap()[0];
    sm.beviljade_tider = None;
    check(&bad);
    let mut bad = doc.clone();
    let sm = &mut bad.personer[0].studiemedel.arenden.as_mut().unwrap()[0];
    sm.medlanare = Some(Sensitive::new("191212121212"));
    assert!(!check(&bad).contains("191212121212"));
    let mut bad = doc.clone();
    let sm = &mut bad.personer[0].studiemedel.arenden.as_mut().unwrap()[0];
    sm.utbetalningsplan[0].totbelopp = Decimal::new(125, 1);
    assert!(!check(&bad).contains("12.5"));
    let mut bad = doc.clone();
    bad.personer[0].studiemedel.arenden.as_mut().unwrap()[0].utbetalningsplan[0].totbelopp =
        dec(10_000_000);
    check(&bad);
    let mut bad = doc.clone();
    bad.namespace_version = CsnNamespaceVersion::V3_0;
    check(&bad); // omställningsstudiestöd in v3.0, and the fragment's namespace
    let mut bad = doc.clone();
    bad.personer[0].personnummer = Personidentitet::parse("191212121212").unwrap();
    assert!(!check(&bad).contains("191212121212"));
    let mut bad = doc.clone();
    bad.resultat.text = "a\u{1}b".into();
    check(&bad);
    let mut bad = doc.clone();
    bad.personer[0].studiemedel.arenden.as_mut().unwrap()[0].utbetalningsplan[0].utbetstatus =
        CsnUtbetalningsstatus::parse("Makulerad").unwrap();
    check(&bad);
    let mut bad = doc;
    bad.personer = vec![bad.personer[1].clone(); 11];
    check(&bad);
}

// --- property tests -------------------------------------------------------------------

fn string(max: usize) -> BoxedStrategy<String> {
    proptest::string::string_regex(&format!("[a-zA-Z0-9 åÅöÖ<>&\"'\\t\\n\\r.-]{{0,{max}}}"))
        .unwrap()
        .boxed()
}

fn digits(max: usize) -> BoxedStrategy<String> {
    proptest::string::string_regex(&format!("[0-9]{{1,{max}}}"))
        .unwrap()
        .boxed()
}

fn amount() -> impl Strategy<Value = Decimal> {
    (-999_999i64..=9_999_999).prop_map(Decimal::from)
}

fn datum() -> impl Strategy<Value = CsnDatum> {
    digits(8).prop_map(|d| CsnDatum::parse(&d).unwrap())
}

fn vecka() -> impl Strategy<Value = CsnVecka> {
    digits(8).prop_map(|d| CsnVecka::parse(&d).unwrap())
}

fn code<T: Clone + std::fmt::Debug + 'static>(
    all: &'static [T],
    parse: fn(&str) -> Result<T, ParseCodeError>,
) -> BoxedStrategy<T> {
    prop_oneof![
        proptest::sample::select(all),
        proptest::string::string_regex("[A-ZÅÄÖ]{1,6}")
            .unwrap()
            .prop_map(move |c| parse(&c).unwrap()),
    ]
    .boxed()
}

fn belopp() -> impl Strategy<Value = CsnBelopp> {
    (
        code(CsnBeloppstyp::ALL, CsnBeloppstyp::parse),
        string(40),
        amount(),
        amount(),
    )
        .prop_map(|(beloppstyp, klartext, belopp, totbelopp)| CsnBelopp {
            beloppstyp,
            klartext,
            belopp,
            totbelopp,
        })
}

fn utbetalning() -> impl Strategy<Value = CsnUtbetalning> {
    let tid = (
        proptest::option::of(vecka()),
        proptest::option::of(vecka()),
        proptest::collection::vec(belopp(), 0..3),
        amount(),
    )
        .prop_map(
            |(startvecka, slutvecka, beloppen, totbelopp)| CsnUtbetaldTid {
                startvecka,
                slutvecka,
                beloppen,
                totbelopp,
            },
        );
    (
        datum(),
        proptest::sample::select(CsnUtbetalningsstatus::ALL),
        proptest::collection::vec(tid, 0..3),
        amount(),
    )
        .prop_map(
            |(utbetdatum, utbetstatus, utbetalda_tider, totbelopp)| CsnUtbetalning {
                utbetdatum,
                utbetstatus,
                utbetalda_tider,
                totbelopp,
            },
        )
}

fn arende(stod: CsnStod) -> BoxedStrategy<CsnArende> {
    let hut = stod == CsnStod::Hemutrustningslan;
    let oss = stod == CsnStod::Omstallningsstudiestod;
    let sokt = (
        datum(),
        datum(),
        proptest::sample::select(CsnTakt::ALL),
        proptest::option::of(proptest::sample::select(CsnSoktlan::ALL)),
    )
        .prop_map(|(soktfrom, sokttom, soktomfattning, soktlan)| CsnSokttid {
            soktfrom,
            sokttom,
            soktomfattning,
            soktlan,
        });
    let beviljad = (
        vecka(),
        vecka(),
        proptest::option::of(proptest::sample::select(CsnTakt::ALL)),
        proptest::option::of(digits(3)),
        proptest::collection::vec(belopp(), 0..3),
        amount(),
    )
        .prop_map(
            |(starttid, sluttid, takt, gr_takt, beloppen, totbelopp)| CsnBeviljadTid {
                starttid,
                sluttid,
                takt,
                gr_takt,
                beloppen,
                totbelopp,
            },
        );
    let tider = (
        proptest::collection::vec(sokt, 0..3),
        proptest::collection::vec(beviljad, 0..3),
    )
        .prop_map(move |(s, b)| {
            if hut {
                (None, None)
            } else {
                (Some(s), Some(b))
            }
        });
    (
        digits(if hut { 7 } else { 3 }),
        proptest::option::of(string(12)),
        code(CsnStodform::ALL, CsnStodform::parse),
        string(40),
        proptest::sample::select(CsnArendestatus::ALL),
        proptest::option::of(digits(3)),
        tider,
        proptest::collection::vec(utbetalning(), 0..3),
    )
        .prop_map(
            move |(
                lopnummer,
                medlanare,
                stodform,
                klartext,
                status,
                relarende,
                (sokta_tider, beviljade_tider),
                utbetalningsplan,
            )| CsnArende {
                lopnummer,
                medlanare: medlanare.filter(|_| hut).map(Sensitive::new),
                stodform,
                klartext,
                status,
                relarende: relarende.filter(|_| !hut && !oss),
                sokta_tider,
                beviljade_tider,
                utbetalningsplan,
            },
        )
        .boxed()
}

fn stod_arenden(stod: CsnStod) -> impl Strategy<Value = CsnStodArenden> {
    proptest::option::of(proptest::collection::vec(arende(stod), 0..3))
        .prop_map(|arenden| CsnStodArenden { arenden })
}

fn person(v4: bool) -> impl Strategy<Value = CsnPerson> {
    let pnr = proptest::string::string_regex("[0-9][0-9][0-1][0-9][0-3][0-9][0-9]{4}")
        .unwrap()
        .prop_map(|p| Personidentitet::parse(&p).unwrap());
    let forteckning =
        (string(3), string(3), string(3), string(3), string(3)).prop_map(move |(a, b, c, d, e)| {
            CsnStudiestodstypforteckning {
                studiemedel: a,
                studiehjalp: b,
                hemutrustningslan: c,
                studiestartsstod: d,
                omstallningsstudiestod: v4.then_some(e),
            }
        });
    (
        (
            pnr,
            proptest::option::of(proptest::sample::select(CsnPersonstatus::ALL)),
            proptest::option::of(string(2)),
            proptest::option::of(proptest::sample::select(CsnSekel::ALL)),
            forteckning,
        ),
        (
            stod_arenden(CsnStod::Studiemedel),
            stod_arenden(CsnStod::Studiehjalp),
            stod_arenden(CsnStod::Hemutrustningslan),
            stod_arenden(CsnStod::Studiestartsstod),
            stod_arenden(CsnStod::Omstallningsstudiestod),
        ),
    )
        .prop_map(
            move |(
                (personnummer, status, sekretess, sekel, studiestodstypforteckning),
                (sm, sh, hut, sss, oss),
            )| CsnPerson {
                personnummer,
                status,
                sekretess,
                sekel,
                studiestodstypforteckning,
                studiemedel: sm,
                studiehjalp: sh,
                hemutrustningslan: hut,
                studiestartsstod: sss,
                omstallningsstudiestod: v4.then_some(oss),
            },
        )
}

/// `GemensamtFragaEkbistand` fragments that test the prefix plan: prefixed, with
/// attributes and foreign namespaces, redeclaring the default namespace, clashing with
/// the encoder's preferred prefixes, undeclaring the default, needing it unbound.
fn fraga(version: CsnNamespaceVersion, which: usize) -> XmlFragment {
    let k = format!("http://schema.csn.se/{version}/kommunfraga");
    let p = format!("http://schema.csn.se/{version}/person");
    let inner = match which % 6 {
        0 => "<GemensamtFragaEkbistand/>".to_owned(),
        1 => r#"<k:GemensamtFragaEkbistand a="1"><sam:Fraga sam:x="y">t &amp; u</sam:Fraga><!--c--></k:GemensamtFragaEkbistand>"#.to_owned(),
        2 => format!(r#"<GemensamtFragaEkbistand xmlns="{k}"> <Inner/> </GemensamtFragaEkbistand>"#),
        3 => r#"<k:GemensamtFragaEkbistand xmlns:typ="urn:other"><typ:x/><plain xmlns=""/></k:GemensamtFragaEkbistand>"#.to_owned(),
        4 => format!(r#"<GemensamtFragaEkbistand><pers:x xmlns:pers="{p}"/><csn:y xmlns:csn="urn:z"/></GemensamtFragaEkbistand>"#),
        _ => r#"<k:GemensamtFragaEkbistand><plain/></k:GemensamtFragaEkbistand>"#.to_owned(),
    };
    let default = if which % 6 == 5 {
        String::new()
    } else {
        format!(r#" xmlns="{k}""#)
    };
    let xml = format!(r#"<w{default} xmlns:k="{k}" xmlns:sam="urn:sambruk">{inner}</w>"#);
    let doc = XmlDocument::parse(xml.as_bytes(), &DecodeLimits::default()).unwrap();
    doc.root().elements().next().unwrap().clone()
}

fn dokument() -> impl Strategy<Value = CsnDokument> {
    (
        proptest::sample::select(vec![
            CsnNamespaceVersion::V3_0,
            CsnNamespaceVersion::V4_0,
            CsnNamespaceVersion::parse("v5.2").unwrap(),
        ]),
        proptest::sample::select(vec!["3.0", "4.0", " 4 ", "+4.10", ".5"]),
        (string(20), string(100)),
        0usize..6,
    )
        .prop_flat_map(|(version, schema_version, (kod, text), which)| {
            let v4 = version.has_omstallningsstudiestod();
            proptest::collection::vec(person(v4), 0..3).prop_map(move |personer| CsnDokument {
                namespace_version: version,
                schema_version: schema_version.to_owned(),
                resultat: CsnResultat {
                    kod: kod.clone(),
                    text: text.clone(),
                },
                gemensamt_fraga: fraga(version, which),
                personer,
            })
        })
}

#[test]
fn csn_default_document_encodes_and_round_trips() {
    let doc = CsnDokument::default();
    let text = round_trip(&doc);
    assert!(text.contains("<GemensamtFragaEkbistand/>"), "{text}");
}

#[test]
fn csn_prefix_plan_fragments_survive_a_round_trip() {
    for version in [CsnNamespaceVersion::V3_0, CsnNamespaceVersion::V4_0] {
        let mut doc = decode_ok(V3);
        doc.namespace_version = version;
        if version.has_omstallningsstudiestod() {
            doc.personer[0]
                .studiestodstypforteckning
                .omstallningsstudiestod = Some("0".into());
            doc.personer[0].omstallningsstudiestod = Some(CsnStodArenden::default());
        }
        for which in 0..6 {
            doc.gemensamt_fraga = fraga(version, which);
            round_trip(&doc);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn csn_generated_documents_round_trip(doc in dokument()) {
        let bytes = encode(&doc).unwrap();
        let again = decode(&bytes, &DecodeLimits::default());
        prop_assert_eq!(again.as_ref(), Ok(&doc), "{}", String::from_utf8_lossy(&bytes));
        let json = serde_json::to_string(&doc).unwrap();
        prop_assert_eq!(serde_json::from_str::<CsnDokument>(&json).unwrap(), doc);
    }

    #[test]
    fn csn_arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let _ = decode(&bytes, &DecodeLimits::default());
    }

    #[test]
    fn csn_damaged_documents_never_panic(at in 0usize..20_000, byte in any::<u8>(), cut in any::<bool>()) {
        let mut bytes = V4.as_bytes().to_vec();
        let at = at % bytes.len();
        if cut {
            bytes.truncate(at);
        } else {
            bytes[at] = byte;
        }
        let _ = decode(&bytes, &DecodeLimits::default());
        let _ = decode(&bytes, &DecodeLimits::default().with_max_depth(6));
    }
}
