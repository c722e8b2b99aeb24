<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name />
    <message>
        <source>Until {when}</source>
        <translation>Jusqu’au {when}</translation>
    </message>
    <message>
        <source>VTE risk</source>
        <translation>Risque thromboembolique</translation>
    </message>
    <message>
        <source>Delirium (4AT)</source>
        <translation>Confusion aiguë (4AT)</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Downtime no.</source>
        <translation>N° dégradé</translation>
    </message>
    <message>
        <source>EHR no.</source>
        <translation>N° DPI</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Étape</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>What to enter</source>
        <translation>À saisir</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>To do</source>
        <translation>À faire</translation>
    </message>
    <message>
        <source>EHR reference</source>
        <translation>Référence DPI</translation>
    </message>
    <message>
        <source>(not about a patient)</source>
        <translation>(ne concerne pas un patient)</translation>
    </message>
    <message>
        <source>DOSE ON HOLD</source>
        <translation>DOSE EN ATTENTE</translation>
    </message>
    <message>
        <source>DOSE ON HOLD: another laptop recorded this dose otherwise (perhaps not given, or withdrawn), check it</source>
        <translation>DOSE EN ATTENTE : un autre portable a tracé cette dose autrement (peut-être non donnée, ou annulée), la vérifier</translation>
    </message>
    <message>
        <source>DOSE ON HOLD: withdrawn here, but another laptop recorded it otherwise (perhaps given), check it before giving</source>
        <translation>DOSE EN ATTENTE : annulée ici, mais un autre portable l’a tracée autrement (peut-être donnée), la vérifier avant de la donner</translation>
    </message>
    <message>
        <source>DOSE ON HOLD: not recorded on this laptop, but other laptops recorded it (perhaps given), check it before giving</source>
        <translation>DOSE EN ATTENTE : non tracée sur ce portable, mais d’autres portables l’ont tracée (peut-être donnée), la vérifier avant de la donner</translation>
    </message>
    <message>
        <source>LATE</source>
        <translation>EN RETARD</translation>
    </message>
    <message>
        <source>OVERDUE</source>
        <translation>DÉPASSÉ</translation>
    </message>
    <message>
        <source>due now</source>
        <translation>à donner</translation>
    </message>
    <message>
        <source>not recorded (stopped)</source>
        <translation>non tracé (arrêté)</translation>
    </message>
    <message>
        <source>in the EHR (before downtime)</source>
        <translation>dans le DPI (avant la procédure dégradée)</translation>
    </message>
    <message>
        <source>not in hospital</source>
        <translation>non hospitalisé</translation>
    </message>
    <message>
        <source>No dose of the order at this time (before its start, after its stop): not to be recorded here.</source>
        <translation>Aucune dose de la prescription à cette heure (avant son début, après son arrêt) : rien à tracer ici.</translation>
    </message>
    <message>
        <source>Start {when}</source>
        <translation>Début {when}</translation>
    </message>
    <message>
        <source>Prescriber: {who}</source>
        <translation>Prescripteur : {who}</translation>
    </message>
    <message>
        <source>Stopped {when}</source>
        <translation>Arrêt {when}</translation>
    </message>
    <message>
        <source>Stopped {when}: {why}</source>
        <translation>Arrêt {when} : {why}</translation>
    </message>
    <message>
        <source>No dose of {drug} falls at {time} on {day}: nothing to record in this cell.</source>
        <translation>Aucune dose de {drug} n’est prévue à {time} le {day} : rien à enregistrer dans cette case.</translation>
    </message>
    <message>
        <source>No dose of {drug} falls on {day}: nothing to record in this cell.</source>
        <translation>Aucune dose de {drug} n’est prévue le {day} : rien à enregistrer dans cette case.</translation>
    </message>
    <message>
        <source>ONCE ONLY</source>
        <translation>DOSE UNIQUE</translation>
    </message>
    <message>
        <source>nothing recorded</source>
        <translation>rien d’enregistré</translation>
    </message>
    <message>
        <source>Stopped at the end of the stay of {date} — prescribe again if it still stands</source>
        <translation>Arrêtée à la fin du séjour du {date} — à prescrire à nouveau si elle reste indiquée</translation>
    </message>
    <message>
        <source>Stopped at the end of the stay of {date} — ordered again: {orders}</source>
        <translation>Arrêtée à la fin du séjour du {date} — prescrite à nouveau : {orders}</translation>
    </message>
    <message>
        <source>ON HOLD: another laptop wrote this order otherwise, check it</source>
        <translation>EN ATTENTE : un autre portable a écrit cette prescription autrement, la vérifier</translation>
    </message>
    <message>
        <source>Medicine</source>
        <translation>Médicament</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Due now</source>
        <translation>À donner</translation>
    </message>
    <message>
        <source>Upcoming</source>
        <translation>À venir</translation>
    </message>
    <message>
        <source>MISSED (over {hours} h)</source>
        <translation>OMISE (plus de {hours} h)</translation>
    </message>
    <message>
        <source>MISSING from the ward: record “A — Patient away from ward”</source>
        <translation>DISPARU(E) du service : noter « A — Patient absent »</translation>
    </message>
    <message>
        <source>NOT BY MOUTH: {why}</source>
        <translation>PAS PAR LA BOUCHE : {why}</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Due at</source>
        <translation>Prévu à</translation>
    </message>
    <message>
        <source>Bed</source>
        <translation>Lit</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Né(e) le</translation>
    </message>
    <message>
        <source>Dose</source>
        <translation>Dose</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>Voie</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Alertes</translation>
    </message>
    <message>
        <source>(incomplete)</source>
        <translation>(incomplète)</translation>
    </message>
    <message>
        <source>(later set incomplete)</source>
        <translation>(série suivante incomplète)</translation>
    </message>
    <message>
        <source>NOT RECORDED</source>
        <translation>NON RENSEIGNÉ</translation>
    </message>
    <message>
        <source>12-hourly</source>
        <translation>toutes les 12 h</translation>
    </message>
    <message>
        <source>4-hourly</source>
        <translation>toutes les 4 h</translation>
    </message>
    <message>
        <source>hourly</source>
        <translation>toutes les heures</translation>
    </message>
    <message>
        <source>continuous (at least hourly)</source>
        <translation>continue (relevé au moins toutes les heures)</translation>
    </message>
    <message>
        <source>none recorded</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>on admission</source>
        <translation>à l’admission</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>Relevé</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>Mesure</translation>
    </message>
    <message>
        <source>Action taken</source>
        <translation>Conduite tenue</translation>
    </message>
    <message>
        <source>What it asked</source>
        <translation>Conduite demandée</translation>
    </message>
    <message>
        <source>GCS</source>
        <translation>Glasgow</translation>
    </message>
    <message>
        <source>Pupils L / R</source>
        <translation>Pupilles G / D</translation>
    </message>
    <message>
        <source>Arms L / R</source>
        <translation>Bras G / D</translation>
    </message>
    <message>
        <source>Legs L / R</source>
        <translation>Jambes G / D</translation>
    </message>
    <message>
        <source>To tell the doctor</source>
        <translation>À signaler au médecin</translation>
    </message>
    <message>
        <source>Resp.</source>
        <translation>FR</translation>
    </message>
    <message>
        <source>SpO2</source>
        <translation>SpO2</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>Échelle</translation>
    </message>
    <message>
        <source>O2</source>
        <translation>O2</translation>
    </message>
    <message>
        <source>BP</source>
        <translation>PA</translation>
    </message>
    <message>
        <source>Pulse</source>
        <translation>Pouls</translation>
    </message>
    <message>
        <source>ACVPU</source>
        <translation>ACVPU</translation>
    </message>
    <message>
        <source>Temp.</source>
        <translation>Temp.</translation>
    </message>
    <message>
        <source>NEWS2</source>
        <translation>NEWS2</translation>
    </message>
    <message>
        <source>Band</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <source>air</source>
        <translation>air</translation>
    </message>
    <message>
        <source>Who was told</source>
        <translation>Qui a été prévenu</translation>
    </message>
    <message>
        <source>Last complete set</source>
        <translation>Dernier relevé complet</translation>
    </message>
    <message>
        <source>Frequency</source>
        <translation>Fréquence</translation>
    </message>
    <message>
        <source>Next set was due</source>
        <translation>Relevé suivant attendu</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>Feuille</translation>
    </message>
    <message>
        <source>Latest</source>
        <translation>Dernier relevé</translation>
    </message>
    <message>
        <source>What it asks now</source>
        <translation>Conduite demandée maintenant</translation>
    </message>
    <message>
        <source>Neuro obs (GCS)</source>
        <translation>Surveillance neuro (Glasgow)</translation>
    </message>
    <message>
        <source>Blood glucose</source>
        <translation>Glycémie capillaire</translation>
    </message>
    <message>
        <source>Blood transfusion</source>
        <translation>Transfusion</translation>
    </message>
    <message>
        <source>Laboratory result</source>
        <translation>Résultat de laboratoire</translation>
    </message>
    <message>
        <source>Laboratory sample</source>
        <translation>Prélèvement de laboratoire</translation>
    </message>
    <message>
        <source>Fluid balance</source>
        <translation>Bilan entrées-sorties</translation>
    </message>
    <message>
        <source>Repositioning</source>
        <translation>Changements de position</translation>
    </message>
    <message>
        <source>Wound</source>
        <translation>Plaie</translation>
    </message>
    <message>
        <source>Pain</source>
        <translation>Douleur</translation>
    </message>
    <message>
        <source>Line or catheter</source>
        <translation>Cathéter ou sonde</translation>
    </message>
    <message>
        <source>Bowels</source>
        <translation>Selles</translation>
    </message>
    <message>
        <source>PEWS</source>
        <translation>PEWS</translation>
    </message>
    <message>
        <source>Fall</source>
        <translation>Chute</translation>
    </message>
    <message>
        <source>Sepsis</source>
        <translation>Sepsis</translation>
    </message>
    <message>
        <source>Missing from the ward</source>
        <translation>Disparu du service</translation>
    </message>
    <message>
        <source>Falls risk</source>
        <translation>Risque de chute</translation>
    </message>
    <message>
        <source>Swallow screen</source>
        <translation>Dépistage de déglutition</translation>
    </message>
    <message>
        <source>Alcohol withdrawal (CIWA-Ar)</source>
        <translation>Sevrage alcoolique (CIWA-Ar)</translation>
    </message>
    <message>
        <source>Enhanced observation</source>
        <translation>Surveillance rapprochée</translation>
    </message>
    <message>
        <source>Mental capacity</source>
        <translation>Capacité à décider</translation>
    </message>
    <message>
        <source>Safeguarding</source>
        <translation>Protection (maltraitance)</translation>
    </message>
    <message>
        <source>Infusion or syringe driver</source>
        <translation>Perfusion ou pousse-seringue</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Poids</translation>
    </message>
    <message>
        <source>Staff ID</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>Ward</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Beds</source>
        <translation>Lits</translation>
    </message>
    <message>
        <source>Bed names</source>
        <translation>Noms des lits</translation>
    </message>
    <message>
        <source>Set judged</source>
        <translation>Série retenue</translation>
    </message>
    <message>
        <source>F</source>
        <translation>F</translation>
    </message>
    <message>
        <source>M</source>
        <translation>M</translation>
    </message>
    <message>
        <source>U</source>
        <translation>I</translation>
    </message>
    <message>
        <source>For resuscitation</source>
        <translation>RCP en cas d’arrêt</translation>
    </message>
    <message>
        <source>DNACPR</source>
        <translation>Pas de RCP</translation>
    </message>
    <message>
        <source>Not discussed</source>
        <translation>Non encore abordé</translation>
    </message>
    <message>
        <source>Provisional</source>
        <translation>Provisoire</translation>
    </message>
    <message>
        <source>Validated</source>
        <translation>Validée</translation>
    </message>
    <message>
        <source>NKA</source>
        <translation>Aucune allergie connue</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Contact precautions</source>
        <translation>Précautions contact</translation>
    </message>
    <message>
        <source>Droplet precautions</source>
        <translation>Précautions gouttelettes</translation>
    </message>
    <message>
        <source>Airborne precautions</source>
        <translation>Précautions air</translation>
    </message>
    <message>
        <source>Protective isolation</source>
        <translation>Isolement protecteur</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sexe</translation>
    </message>
    <message>
        <source>Allergies</source>
        <translation>Allergies</translation>
    </message>
    <message>
        <source>Resuscitation</source>
        <translation>RCP</translation>
    </message>
    <message>
        <source>Isolation</source>
        <translation>Isolement</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>Identité</translation>
    </message>
    <message>
        <source>Admitted</source>
        <translation>Admis le</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Formerly</source>
        <translation>Anciennement</translation>
    </message>
    <message>
        <source>Reason for admission</source>
        <translation>Motif d’admission</translation>
    </message>
    <message>
        <source>NEWS2 / PEWS</source>
        <translation>NEWS2 / PEWS</translation>
    </message>
    <message>
        <source>Formerly / identified as</source>
        <translation>Anciennement / identifié comme</translation>
    </message>
    <message>
        <source>(no bed)</source>
        <translation>(sans lit)</translation>
    </message>
    <message>
        <source>— empty bed —</source>
        <translation>— lit vide —</translation>
    </message>
    <message>
        <source>Theatre</source>
        <translation>Bloc</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>Intervention</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Côté</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorité</translation>
    </message>
    <message>
        <source>Surgeon</source>
        <translation>Chirurgien</translation>
    </message>
    <message>
        <source>Anaesthetist</source>
        <translation>Anesthésiste</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Skin over the pressure areas</source>
        <translation>Peau des points d’appui</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Où</translation>
    </message>
    <message>
        <source>What was done</source>
        <translation>Ce qui a été fait</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Dispositif</translation>
    </message>
    <message>
        <source>Where, size</source>
        <translation>Site, calibre</translation>
    </message>
    <message>
        <source>VIP or site</source>
        <translation>VIP ou site</translation>
    </message>
    <message>
        <source>Still needed</source>
        <translation>Toujours nécessaire</translation>
    </message>
    <message>
        <source>In since</source>
        <translation>En place depuis</translation>
    </message>
    <message>
        <source>Next check</source>
        <translation>Prochaine surveillance</translation>
    </message>
    <message>
        <source>Stool</source>
        <translation>Selles</translation>
    </message>
    <message>
        <source>Known cause</source>
        <translation>Cause connue</translation>
    </message>
    <message>
        <source>Sample sent</source>
        <translation>Prélèvement envoyé</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Remarques</translation>
    </message>
    <message>
        <source>Next assessment</source>
        <translation>Prochaine évaluation</translation>
    </message>
    <message>
        <source>Next change due</source>
        <translation>Prochain changement</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulé le</translation>
    </message>
    <message>
        <source>Rebook by</source>
        <translation>Au plus tard le</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Attente</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>BREACH</source>
        <translation>DÉPASSÉ</translation>
    </message>
    <message>
        <source>SOON</source>
        <translation>BIENTÔT</translation>
    </message>
    <message>
        <source>Whom to tell</source>
        <translation>Qui prévenir</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Formulaire</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Enregistrement</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Reçu</translation>
    </message>
    <message>
        <source>Dose given</source>
        <translation>Dose administrée</translation>
    </message>
    <message>
        <source>Dose withdrawn (entered in error)</source>
        <translation>Administration annulée (saisie par erreur)</translation>
    </message>
    <message>
        <source>Count correction</source>
        <translation>Correction après comptage</translation>
    </message>
    <message>
        <source>Count checked, correct: {balance} {unit}</source>
        <translation>Comptage vérifié, exact : {balance} {unit}</translation>
    </message>
    <message>
        <source>Opening count: {balance} {unit}</source>
        <translation>Comptage d’ouverture : {balance} {unit}</translation>
    </message>
    <message>
        <source>DISCREPANCY: {balance} {unit} counted, {register} {unit} on the register</source>
        <translation>ÉCART : {balance} {unit} compté(s), {register} {unit} au registre</translation>
    </message>
    <message>
        <source>Reconciled: the count of {counted} already reflected the dose of {given}</source>
        <translation>Régularisation : le comptage du {counted} tenait déjà compte de la dose du {given}</translation>
    </message>
    <message>
        <source>Discarded, from the dose of {given}</source>
        <translation>Reliquat détruit, de la dose du {given}</translation>
    </message>
    <message>
        <source>Drug</source>
        <translation>Médicament</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unité</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Solde</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Écriture</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Quantité</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Par</translation>
    </message>
    <message>
        <source>Witness</source>
        <translation>Témoin</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Remarque</translation>
    </message>
    <message>
        <source>DOB unknown</source>
        <translation>DDN inconnue</translation>
    </message>
    <message>
        <source>NOT RECORDED — check the paper</source>
        <translation>NON TRACÉE — vérifier le papier</translation>
    </message>
    <message>
        <source>Ward / bed</source>
        <translation>Service / lit</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Prescription</translation>
    </message>
    <message>
        <source>Prescriber</source>
        <translation>Prescripteur</translation>
    </message>
    <message>
        <source>When taken</source>
        <translation>Reçue le</translation>
    </message>
    <message>
        <source>Taken by</source>
        <translation>Reçue par</translation>
    </message>
    <message>
        <source>Measured</source>
        <translation>Mesuré le</translation>
    </message>
    <message>
        <source>In or out</source>
        <translation>Entrée ou sortie</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>Volume</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Nature</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Posé à</translation>
    </message>
    <message>
        <source>Bedside check</source>
        <translation>Contrôle au lit</translation>
    </message>
    <message>
        <source>Observations</source>
        <translation>Surveillance</translation>
    </message>
    <message>
        <source>Unit of blood</source>
        <translation>Produit</translation>
    </message>
    <message>
        <source>Where it stands</source>
        <translation>Où il en est</translation>
    </message>
    <message>
        <source>How, from whom</source>
        <translation>Comment, de qui</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Tests</source>
        <translation>Examens</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>Urgence</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Numéro</translation>
    </message>
    <message>
        <source>Sample taken</source>
        <translation>Prélevé le</translation>
    </message>
    <message>
        <source>Its result</source>
        <translation>Son résultat</translation>
    </message>
    <message>
        <source>Flag</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>What it asks</source>
        <translation>Ce qu’il demande</translation>
    </message>
    <message>
        <source>What it is</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Wound bed</source>
        <translation>Fond de la plaie</translation>
    </message>
    <message>
        <source>Infection</source>
        <translation>Infection</translation>
    </message>
    <message>
        <source>Dressing</source>
        <translation>Pansement</translation>
    </message>
    <message>
        <source>Next dressing</source>
        <translation>Prochain pansement</translation>
    </message>
    <message>
        <source>Resp. rate</source>
        <translation>Fréq. resp.</translation>
    </message>
    <message>
        <source>Breathing</source>
        <translation>Respiration</translation>
    </message>
    <message>
        <source>Oxygen</source>
        <translation>Oxygène</translation>
    </message>
    <message>
        <source>Heart rate</source>
        <translation>Fréq. card.</translation>
    </message>
    <message>
        <source>Systolic BP</source>
        <translation>PA syst.</translation>
    </message>
    <message>
        <source>Cap. refill</source>
        <translation>TRC</translation>
    </message>
    <message>
        <source>AVPU</source>
        <translation>AVPU</translation>
    </message>
    <message>
        <source>Worried</source>
        <translation>Inquiet</translation>
    </message>
    <message>
        <source>EARLIER DAYS: {first} to {last}, not today's chart</source>
        <translation>JOURS PRÉCÉDENTS : du {first} au {last}, pas le plan du jour</translation>
    </message>
    <message>
        <source>This chart shows {first} to {last}. A dose given now is recorded from today's chart (Back to today); a dose of these days, in its day's cell.</source>
        <translation>Ce plan montre du {first} au {last}. Une dose donnée maintenant s’enregistre sur le plan du jour (Revenir à aujourd’hui) ; une dose de ces jours, dans la case de son jour.</translation>
    </message>
    <message>
        <source>{orders} and {count} more orders of it</source>
        <translation>{orders} et {count} autres prescriptions de ce médicament</translation>
    </message>
    <message>
        <source>Review by {when}</source>
        <translation>Réévaluer le {when}</translation>
    </message>
    <message>
        <source>Death</source>
        <translation>Décès</translation>
    </message>
    <message>
        <source>ALSO ORDERED: {orders} — ask the prescriber before giving more than one of these orders</source>
        <translation>AUSSI PRESCRIT : {orders} — demander au prescripteur avant de donner plus d’une de ces prescriptions</translation>
    </message>
    <message>
        <source>Supplied to {patient} to take home</source>
        <translation>Remis à {patient} pour sa sortie</translation>
    </message>
    <message>
        <source>ENTERED IN ERROR: the line of {struck_at} struck out</source>
        <translation>SAISIE PAR ERREUR : la ligne du {struck_at} est barrée</translation>
    </message>
    <message>
        <source>Doctor told, action</source>
        <translation>Médecin prévenu, conduite</translation>
    </message>
    <message>
        <source>Medicines (MAR)</source>
        <translation>Médicaments (plan d’administration)</translation>
    </message>
    <message>
        <source>ALSO ON AN ANTICOAGULANT: {orders}</source>
        <translation>AUSSI SOUS ANTICOAGULANT : {orders}</translation>
    </message>
</context>
<context>
    <name>AdminPanel</name>
    <message>
        <source>active</source>
        <translation>actif</translation>
    </message>
    <message>
        <source>deactivated</source>
        <translation>désactivé</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Personnel</translation>
    </message>
    <message>
        <source>Wards and beds</source>
        <translation>Services et lits</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Réglages</translation>
    </message>
    <message>
        <source>Staff accounts</source>
        <translation>Comptes du personnel</translation>
    </message>
    <message>
        <source>Staff &amp;ID</source>
        <translation>&amp;Identifiant</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nom</translation>
    </message>
    <message>
        <source>&amp;PIN (4 to 12 digits)</source>
        <translation>&amp;Code (4 à 12 chiffres)</translation>
    </message>
    <message>
        <source>&amp;Add the account</source>
        <translation>Ajouter le co&amp;mpte</translation>
    </message>
    <message>
        <source>&amp;Deactivate the selected account…</source>
        <translation>Désactiv&amp;er le compte sélectionné…</translation>
    </message>
    <message>
        <source>Wards and their beds</source>
        <translation>Les services et leurs lits</translation>
    </message>
    <message>
        <source>e.g. 1-20, 21A, 21B, Side room</source>
        <translation>par ex. 1-20, 21A, 21B, Chambre seule</translation>
    </message>
    <message>
        <source>Ward &amp;code</source>
        <translation>&amp;Code du service</translation>
    </message>
    <message>
        <source>Ward na&amp;me</source>
        <translation>&amp;Nom du service</translation>
    </message>
    <message>
        <source>&amp;Beds</source>
        <translation>&amp;Lits</translation>
    </message>
    <message>
        <source>Add these beds to the &amp;selected ward</source>
        <translation>Ajouter ces lits au service sélecti&amp;onné</translation>
    </message>
    <message>
        <source>&amp;Label sheets in the printer</source>
        <translation>Planches d’étiquettes dans l’im&amp;primante</translation>
    </message>
    <message>
        <source>The patient list, the medication round, the controlled drugs and the NEWS2 escalations open on this laptop's ward; staff can still choose another ward on each. None: a laptop of no ward (the records office's), whose patient list and NEWS2 escalations open on all wards.</source>
        <translation>La liste des patients, le tour des médicaments, les stupéfiants et les alertes NEWS2 s’ouvrent sur le service de ce portable ; chacun peut encore choisir un autre service sur chaque liste. Aucun : un portable sans service (celui du bureau des entrées), dont la liste des patients et les alertes NEWS2 s’ouvrent sur tous les services.</translation>
    </message>
    <message>
        <source>None (all wards)</source>
        <translation>Aucun (tous les services)</translation>
    </message>
    <message>
        <source>This la&amp;ptop's ward</source>
        <translation>Service de ce &amp;portable</translation>
    </message>
    <message>
        <source>Set this lapt&amp;op's ward</source>
        <translation>Définir le service de ce p&amp;ortable</translation>
    </message>
    <message>
        <source>The wards, their beds and the settings are the same on every laptop of the hospital: save them to a file (a USB stick) on the first laptop set up, and load that file on each of the others. The device number and name, the laptop's ward, the staff and their PINs, and the backups folder are not in it.</source>
        <translation>Les services, leurs lits et les réglages sont les mêmes sur chaque portable de l’hôpital : enregistrez-les dans un fichier (une clé USB) sur le premier portable installé, puis chargez ce fichier sur chacun des autres. Le numéro et le nom de l’appareil, le service du portable, le personnel et ses codes PIN, et le dossier des sauvegardes n’y sont pas.</translation>
    </message>
    <message>
        <source>Ward {ward} added with {beds} beds.</source>
        <translation>Service {ward} ajouté avec {beds} lits.</translation>
    </message>
    <message>
        <source>R&amp;ole</source>
        <translation>&amp;Rôle</translation>
    </message>
    <message>
        <source>Select an account in the list first.</source>
        <translation>Sélectionnez d’abord un compte dans la liste.</translation>
    </message>
    <message>
        <source>Select a ward in the list first.</source>
        <translation>Sélectionnez d’abord un service dans la liste.</translation>
    </message>
    <message>
        <source>This laptop</source>
        <translation>Ce portable</translation>
    </message>
    <message>
        <source>PIN a&amp;gain</source>
        <translation>Code à nou&amp;veau</translation>
    </message>
    <message>
        <source>Give the selected account &amp;this PIN (reactivates it)</source>
        <translation>&amp;Fixer ce code pour le compte sélectionné (le réactive)</translation>
    </message>
    <message>
        <source>Add the war&amp;d</source>
        <translation>Ajouter le servic&amp;e</translation>
    </message>
    <message>
        <source>e.g. Surgical admissions, 01 23 45 67 89, 9:00-17:00</source>
        <translation>par ex. Admissions chirurgie, 01 23 45 67 89, 9 h-17 h</translation>
    </message>
    <message>
        <source>age1… (printed by 'downtime keygen' at the records office)</source>
        <translation>age1… (affichée par « downtime keygen » au bureau des entrées)</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>Parco&amp;urir…</translation>
    </message>
    <message>
        <source>A dose is la&amp;te after</source>
        <translation>Une administration est EN &amp;RETARD après</translation>
    </message>
    <message>
        <source>A dose is &amp;overdue after</source>
        <translation>Une administration est DÉPASSÉE apr&amp;ès</translation>
    </message>
    <message>
        <source>Lock the screen when &amp;idle for</source>
        <translation>Verrouiller l’écran après &amp;inactivité de</translation>
    </message>
    <message>
        <source>Whom &amp;patients call (on their letters)</source>
        <translation>&amp;Numéro que les patients appellent (sur leurs lettres)</translation>
    </message>
    <message>
        <source>Bank holi&amp;days (no post, safeguarding teams away)</source>
        <translation>&amp;Jours fériés (pas de courrier, équipes de protection absentes)</translation>
    </message>
    <message>
        <source>Records office's public ke&amp;y (every export is encrypted to it)</source>
        <translation>Clé publi&amp;que du bureau des entrées (chaque export est chiffré pour elle)</translation>
    </message>
    <message>
        <source>Backups &amp;folder (e.g. a USB stick)</source>
        <translation>Dossier des sau&amp;vegardes (par ex. une clé USB)</translation>
    </message>
    <message>
        <source>Back up &amp;every</source>
        <translation>Sauvegarder toutes &amp;les</translation>
    </message>
    <message>
        <source>Backups &amp;kept</source>
        <translation>Sauvegardes &amp;gardées</translation>
    </message>
    <message>
        <source>&amp;Save the settings</source>
        <translation>&amp;Enregistrer les réglages</translation>
    </message>
    <message>
        <source>Ba&amp;ck up now</source>
        <translation>Sauvegarder &amp;maintenant</translation>
    </message>
    <message>
        <source>DATABASE</source>
        <translation>BASE</translation>
    </message>
    <message>
        <source>To restore a backup, close the app, then run in a terminal: downtime restore BACKUP-FILE --db {database} (the database file must not exist: rename the damaged one first; the backup's .keys file goes beside it).</source>
        <translation>Pour restaurer une sauvegarde, fermez l’application, puis lancez dans un terminal : downtime restore FICHIER-DE-SAUVEGARDE --db {database} (le fichier de la base ne doit pas exister : renommez d’abord celui qui est endommagé ; le fichier .keys de la sauvegarde va à côté).</translation>
    </message>
    <message>
        <source>Every downtime number this laptop gives carries its device number. Change it only if another laptop has it too, or it was typed wrong: the patients registered from then on take the new number, and those numbered before keep theirs, as on their wristbands and forms.</source>
        <translation>Chaque numéro de procédure dégradée que donne ce portable porte son numéro d’appareil. Ne le changez que si un autre portable l’a aussi, ou s’il a été mal saisi : les patients enregistrés ensuite prennent le nouveau numéro, et ceux numérotés avant gardent le leur, comme sur leur bracelet et leurs formulaires.</translation>
    </message>
    <message>
        <source>Device &amp;number</source>
        <translation>&amp;Numéro d’appareil</translation>
    </message>
    <message>
        <source>Device na&amp;me</source>
        <translation>No&amp;m de l’appareil</translation>
    </message>
    <message>
        <source>&amp;Change the laptop's number or name</source>
        <translation>&amp;Changer le numéro ou le nom du portable</translation>
    </message>
    <message>
        <source>&amp;Save the wards and settings to a file…</source>
        <translation>&amp;Enregistrer les services et réglages dans un fichier…</translation>
    </message>
    <message>
        <source>&amp;Load a set-up file…</source>
        <translation>C&amp;harger un fichier de configuration…</translation>
    </message>
    <message>
        <source>Last backup: {when}, {file}</source>
        <translation>Dernière sauvegarde : {when}, {file}</translation>
    </message>
    <message>
        <source>No backup made yet.</source>
        <translation>Aucune sauvegarde faite pour l’instant.</translation>
    </message>
    <message>
        <source>PIN: the two PINs typed differ; type them again.</source>
        <translation>Code : les deux codes saisis diffèrent ; saisissez-les à nouveau.</translation>
    </message>
    <message>
        <source>Account {staff_id} added for {name}: they sign in with their PIN.</source>
        <translation>Compte {staff_id} ajouté pour {name} : connexion avec son code.</translation>
    </message>
    <message>
        <source>Account {staff_id} is already deactivated.</source>
        <translation>Le compte {staff_id} est déjà désactivé.</translation>
    </message>
    <message>
        <source>Deactivate an account</source>
        <translation>Désactiver un compte</translation>
    </message>
    <message>
        <source>{name} ({staff_id}) will no longer sign in; their records stay. Deactivate?</source>
        <translation>{name} ({staff_id}) ne pourra plus se connecter ; ses enregistrements restent. Désactiver ?</translation>
    </message>
    <message>
        <source>Account {staff_id} deactivated.</source>
        <translation>Compte {staff_id} désactivé.</translation>
    </message>
    <message>
        <source>Add beds</source>
        <translation>Ajouter des lits</translation>
    </message>
    <message>
        <source>Beds cannot be removed later.</source>
        <translation>Les lits ne pourront pas être retirés ensuite.</translation>
    </message>
    <message>
        <source>Add ward {ward} ({name}) with {count} beds: {beds}?</source>
        <translation>Ajouter le service {ward} ({name}) avec {count} lits : {beds} ?</translation>
    </message>
    <message>
        <source>Add {count} beds to ward {ward}: {beds}?</source>
        <translation>Ajouter {count} lits au service {ward} : {beds} ?</translation>
    </message>
    <message>
        <source>Ward {ward} now has {beds} beds.</source>
        <translation>Le service {ward} compte désormais {beds} lits.</translation>
    </message>
    <message>
        <source>Backups folder</source>
        <translation>Dossier des sauvegardes</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>Réglages enregistrés.</translation>
    </message>
    <message>
        <source>An import, an export or a backup is under way: back up once it has ended.</source>
        <translation>Un import, un export ou une sauvegarde est en cours : sauvegardez une fois terminé.</translation>
    </message>
    <message>
        <source>Backing up the database…</source>
        <translation>Sauvegarde de la base…</translation>
    </message>
    <message>
        <source>Backed up to {file}.</source>
        <translation>Sauvegardé dans {file}.</translation>
    </message>
    <message>
        <source>Change the device number</source>
        <translation>Changer le numéro d’appareil</translation>
    </message>
    <message>
        <source>Make this laptop device {number}? Patients registered from now on are numbered {new}…; those numbered before keep theirs ({old}…).
No other laptop may have device number {number}: check the hospital's list.</source>
        <translation>Faire de ce portable l’appareil {number} ? Les patients enregistrés à partir de maintenant seront numérotés {new}… ; ceux numérotés avant gardent le leur ({old}…).
Aucun autre portable ne peut avoir le numéro d’appareil {number} : vérifiez la liste de l’hôpital.</translation>
    </message>
    <message>
        <source>This laptop is now {name} (device {number}).</source>
        <translation>Ce portable est désormais {name} (appareil {number}).</translation>
    </message>
    <message>
        <source>Folder to save the set-up in (a USB stick)</source>
        <translation>Dossier où enregistrer la configuration (une clé USB)</translation>
    </message>
    <message>
        <source>Save the set-up</source>
        <translation>Enregistrer la configuration</translation>
    </message>
    <message>
        <source>{path} is there already. Replace it with this laptop's set-up?</source>
        <translation>{path} existe déjà. Le remplacer par la configuration de ce portable ?</translation>
    </message>
    <message>
        <source>Set-up saved to {path}: load it on each other laptop (Administration, This laptop).</source>
        <translation>Configuration enregistrée dans {path} : chargez-la sur chacun des autres portables (Administration, Ce portable).</translation>
    </message>
    <message>
        <source>Set-up file to load</source>
        <translation>Fichier de configuration à charger</translation>
    </message>
    <message>
        <source>Set-up files (*.yaml)</source>
        <translation>Fichiers de configuration (*.yaml)</translation>
    </message>
    <message>
        <source>Load the set-up</source>
        <translation>Charger la configuration</translation>
    </message>
    <message>
        <source>Loading {path} here:
{changes}

Load it?</source>
        <translation>Charger {path} ici :
{changes}

Le charger ?</translation>
    </message>
    <message>
        <source>{count} unsaved form(s): {forms}. Only {name} can open them: ask them to save them first.</source>
        <translation>{count} formulaire(s) non enregistré(s) : {forms}. Seul(e) {name} peut les ouvrir : demandez-lui de les enregistrer d’abord.</translation>
    </message>
    <message>
        <source>Correct the selected account: this name and ro&amp;le…</source>
        <translation>Corriger le nom et le rô&amp;le du compte sélectionné…</translation>
    </message>
    <message>
        <source>An account of that name exists</source>
        <translation>Un compte de ce nom existe</translation>
    </message>
    <message>
        <source>Add {staff_id} for someone else named {name}?</source>
        <translation>Ajouter {staff_id} pour une autre personne nommée {name} ?</translation>
    </message>
    <message>
        <source>Correct an account</source>
        <translation>Corriger un compte</translation>
    </message>
    <message>
        <source>{staff_id}: {old} becomes {new}, on every screen and print of what they recorded. Why (what was typed wrong)?</source>
        <translation>{staff_id} : {old} devient {new}, sur chaque écran et chaque impression de ce que cette personne a enregistré. Pourquoi (qu’est-ce qui a été mal saisi) ?</translation>
    </message>
    <message>
        <source>{name} ({staff_id}) signs in with the new PIN once, to choose their own.</source>
        <translation>{name} ({staff_id}) se connecte une fois avec le nouveau code, pour choisir le sien.</translation>
    </message>
    <message>
        <source>At the end of the outage, once everything is exported: retire the laptop. A whole export, encrypted to the records office's key, is made as its archive; then its database, key slots, backups and prints are removed, and the app closes.</source>
        <translation>À la fin de la panne, une fois tout exporté : retirez le portable. Un export complet, chiffré avec la clé du bureau des entrées, est fait comme archive ; puis sa base, ses emplacements de clé, ses sauvegardes et ses impressions sont supprimés, et l’application se ferme.</translation>
    </message>
    <message>
        <source>Ret&amp;ire this laptop…</source>
        <translation>Ret&amp;irer ce portable…</translation>
    </message>
    <message>
        <source>An import, an export or a backup is under way: retire the laptop once it has ended.</source>
        <translation>Un import, un export ou une sauvegarde est en cours : retirez le portable une fois terminé.</translation>
    </message>
    <message>
        <source>Folder for the laptop's archive (the records office's stick)</source>
        <translation>Dossier de l’archive du portable (la clé USB du bureau des entrées)</translation>
    </message>
    <message>
        <source>Retire this laptop</source>
        <translation>Retirer ce portable</translation>
    </message>
    <message>
        <source>Laptop retired</source>
        <translation>Portable retiré</translation>
    </message>
    <message>
        <source>Archived to {archive} (every file encrypted): keep it with the hospital's records. {count} file(s) removed. At the next outage, set device {number} up with --first-number {first}: the numbers before it are on earlier patients' wristbands.</source>
        <translation>Archivé dans {archive} (chaque fichier chiffré) : conservez-la avec les archives de l’hôpital. {count} fichier(s) supprimé(s). À la prochaine panne, configurez l’appareil {number} avec --first-number {first} : les numéros d’avant sont sur les bracelets de patients précédents.</translation>
    </message>
    <message>
        <source>Retire {name} (device {number})? Its archive is made in {archive}; then its backups in {backups}, its prints and, last, its database and its key slots are removed, for good, and the app closes.</source>
        <translation>Retirer {name} (appareil {number}) ? Son archive est faite dans {archive} ; puis ses sauvegardes dans {backups}, ses impressions et, en dernier, sa base et ses emplacements de clé sont supprimés, définitivement, et l’application se ferme.</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Damaged database</source>
        <translation>Base de données endommagée</translation>
    </message>
    <message>
        <source>{path} is damaged and must not be used:
{problem}

No backup was found here (if backups go to a USB stick, restore one with 'downtime restore'). Use another laptop or the paper forms, and call IT.</source>
        <translation>{path} est endommagée et ne doit pas être utilisée :
{problem}

Aucune sauvegarde n’a été trouvée ici (si les sauvegardes vont sur une clé USB, restaurez-en une avec « downtime restore »). Utilisez un autre portable ou les formulaires papier, et appelez l’informatique.</translation>
    </message>
    <message>
        <source>Backup restored</source>
        <translation>Sauvegarde restaurée</translation>
    </message>
    <message>
        <source>Looking for the newest sound backup: each is copied and checked before it is offered…</source>
        <translation>Recherche de la sauvegarde saine la plus récente : chacune est copiée et vérifiée avant d’être proposée…</translation>
    </message>
    <message>
        <source>{path} is damaged and must not be used:
{problem}

Put the newest backup ({backup}, made {when}) in its place? The damaged file is kept, renamed, for IT. Anything saved after that backup is not in it: check the last entries against paper.</source>
        <translation>{path} est endommagée et ne doit pas être utilisée :
{problem}

Mettre la sauvegarde la plus récente ({backup}, faite le {when}) à sa place ? Le fichier endommagé est gardé, renommé, pour l’informatique. Ce qui a été enregistré après cette sauvegarde n’y est pas : vérifiez les dernières saisies sur le papier.</translation>
    </message>
    <message>
        <source>Checking the database before use: its integrity and its audit chain…
On a large database (a records office's) this takes a minute or two.</source>
        <translation>Vérification de la base avant usage : son intégrité et sa chaîne d’audit…
Sur une grande base (celle d’un bureau des archives), cela prend une à deux minutes.</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>Non effectué</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>Erreur inattendue</translation>
    </message>
    <message>
        <source>Downtime met an error it did not expect: {problem}

Check on the screen whether what you just did was saved before going on (if in doubt, write it on paper), and call IT.</source>
        <translation>Downtime a rencontré une erreur imprévue : {problem}

Vérifiez à l’écran que ce que vous venez de faire a bien été enregistré avant de continuer (en cas de doute, notez-le sur papier), et appelez l’informatique.</translation>
    </message>
    <message>
        <source>{backup}, made {when}, is now in use. {not_in_it}

Please sign in again.</source>
        <translation>{backup}, faite le {when}, est maintenant utilisée. {not_in_it}

Veuillez vous reconnecter.</translation>
    </message>
    <message>
        <source>Form definitions have problems</source>
        <translation>Les définitions de formulaires ont des problèmes</translation>
    </message>
    <message>
        <source>Downtime cannot start: the form definitions on this laptop have problems. Use the paper forms and call IT, who will need this list:

{problems}</source>
        <translation>Downtime ne peut pas démarrer : les définitions de formulaires de cet ordinateur ont des problèmes. Utilisez les formulaires papier et appelez l’informatique, qui aura besoin de cette liste :

{problems}</translation>
    </message>
    <message>
        <source>Preparing the census and the patient search of this database…</source>
        <translation>Préparation de l’état des lits et de la recherche de patients de cette base…</translation>
    </message>
</context>
<context>
    <name>BackEntryPanel</name>
    <message>
        <source>{said}

Link {name} ({number}) to EHR patient {new} all the same?</source>
        <translation>{said}

Relier malgré tout {name} ({number}) au patient {new} du DPI ?</translation>
    </message>
    <message>
        <source>One person, two EHR files?</source>
        <translation>Une personne, deux dossiers DPI ?</translation>
    </message>
    <message>
        <source>Back-entry progress</source>
        <translation>Avancement de la ressaisie</translation>
    </message>
    <message>
        <source>Show only what is &amp;left to enter</source>
        <translation>N’afficher que ce qui &amp;reste à saisir</translation>
    </message>
    <message>
        <source>Show only re&amp;cords on hold</source>
        <translation>N’afficher que les fi&amp;ches en attente</translation>
    </message>
    <message>
        <source>Back-entry worklist</source>
        <translation>Liste de ressaisie</translation>
    </message>
    <message>
        <source>The chosen line in full</source>
        <translation>La ligne choisie en entier</translation>
    </message>
    <message>
        <source>The line chosen in the list is shown here in full: what to do and what to enter.</source>
        <translation>La ligne choisie dans la liste s’affiche ici en entier : ce qu’il faut faire et ce qu’il faut saisir.</translation>
    </message>
    <message>
        <source>&amp;Mark entered in EHR… (Enter)</source>
        <translation>&amp;Marquer saisi au DPI… (Entrée)</translation>
    </message>
    <message>
        <source>N&amp;ot to be entered…</source>
        <translation>&amp;Ne pas saisir…</translation>
    </message>
    <message>
        <source>Link to EHR patient &amp;number…</source>
        <translation>Lier au n° &amp;patient du DPI…</translation>
    </message>
    <message>
        <source>Mov&amp;ed in the EHR…</source>
        <translation>Déplacé dans l&amp;e DPI…</translation>
    </message>
    <message>
        <source>&amp;Settle the hold…</source>
        <translation>&amp;Lever la mise en attente…</translation>
    </message>
    <message>
        <source>&amp;Print the next {count} patients</source>
        <translation>&amp;Imprimer les {count} patients suivants</translation>
    </message>
    <message>
        <source>Counting the record versions again…</source>
        <translation>Nouveau décompte des versions d’enregistrement…</translation>
    </message>
    <message>
        <source>Reading the worklist…</source>
        <translation>Lecture de la liste de ressaisie…</translation>
    </message>
    <message>
        <source>Probably one person: {numbers} ({why}). Link them to the same EHR patient number, and enter the admission once.</source>
        <translation>Probablement une seule personne : {numbers} ({why}). Les relier au même numéro de patient DPI, et ne saisir l’admission qu’une fois.</translation>
    </message>
    <message>
        <source>{done} of {total} done: {entered} entered in the EHR, {not_entered} not to be entered as the ward said</source>
        <translation>{done} sur {total} traitée(s) : {entered} saisie(s) dans le DPI, {not_entered} à ne pas saisir selon le service</translation>
    </message>
    <message>
        <source>{done} of {total} entered in the EHR</source>
        <translation>{done} sur {total} saisis dans le DPI</translation>
    </message>
    <message>
        <source>Nothing selected</source>
        <translation>Aucune sélection</translation>
    </message>
    <message>
        <source>Select a line of the worklist first.</source>
        <translation>Sélectionnez d’abord une ligne de la liste.</translation>
    </message>
    <message>
        <source>{name} ({number}), born {born}</source>
        <translation>{name} ({number}), né(e) le {born}</translation>
    </message>
    <message>
        <source>ward record</source>
        <translation>enregistrement du service</translation>
    </message>
    <message>
        <source>Entered in the EHR</source>
        <translation>Saisi dans le DPI</translation>
    </message>
    <message>
        <source>Not marked</source>
        <translation>Non marqué</translation>
    </message>
    <message>
        <source>{patient} — {step}, {when}
To do: {to_do}
What to enter: {what}
{by}</source>
        <translation>{patient} — {step}, {when}
À faire : {to_do}
À saisir : {what}
{by}</translation>
    </message>
    <message>
        <source>{who}: {step} — {what}
{by}

To do: {to_do}

The EHR's reference for it:</source>
        <translation>{who} : {step} — {what}
{by}

À faire : {to_do}

Sa référence dans le DPI :</translation>
    </message>
    <message>
        <source>Nothing to ask the ward about selected</source>
        <translation>Aucune ligne à demander au service sélectionnée</translation>
    </message>
    <message>
        <source>Select a line left that says to ask the ward first.</source>
        <translation>Sélectionnez d’abord une ligne restante qui dit de demander au service.</translation>
    </message>
    <message>
        <source>Nothing to move selected</source>
        <translation>Aucune fiche à déplacer sélectionnée</translation>
    </message>
    <message>
        <source>Select a line that says to move the record in the EHR first.</source>
        <translation>Sélectionnez d’abord une ligne qui demande de déplacer la fiche dans le DPI.</translation>
    </message>
    <message>
        <source>Moved in the EHR?</source>
        <translation>Déplacée dans le DPI ?</translation>
    </message>
    <message>
        <source>{step} — {what}

Moved in the EHR from patient {old} to patient {new}?</source>
        <translation>{step} — {what}

Déplacée dans le DPI du patient {old} au patient {new} ?</translation>
    </message>
    <message>
        <source>Nothing on hold selected</source>
        <translation>Rien en attente n’est sélectionné</translation>
    </message>
    <message>
        <source>Select a line on hold first.</source>
        <translation>Sélectionnez d’abord une ligne en attente.</translation>
    </message>
    <message>
        <source>No patient selected</source>
        <translation>Aucun patient sélectionné</translation>
    </message>
    <message>
        <source>Select a line of the patient first.</source>
        <translation>Sélectionnez d’abord une ligne du patient.</translation>
    </message>
    <message>
        <source>(the admission records the hospital number {ipp}: check it in the EHR)</source>
        <translation>(l’admission indique le n° hospitalier {ipp} : le vérifier dans le DPI)</translation>
    </message>
    <message>
        <source>EHR patient number</source>
        <translation>Numéro patient du DPI</translation>
    </message>
    <message>
        <source>{name} ({number}), born {born}:
the patient's number in the EHR:</source>
        <translation>{name} ({number}), né(e) le {born} :
le numéro du patient dans le DPI :</translation>
    </message>
    <message>
        <source>Already linked</source>
        <translation>Déjà lié</translation>
    </message>
    <message>
        <source>Replace the EHR link?</source>
        <translation>Remplacer le lien au DPI ?</translation>
    </message>
    <message>
        <source>{said}

Link {name} ({number}) to EHR patient {new} instead of {ehr}?</source>
        <translation>{said}

Lier {name} ({number}) au patient {new} du DPI au lieu de {ehr} ?</translation>
    </message>
    <message>
        <source>Not the admission's hospital number</source>
        <translation>Pas le n° hospitalier de l’admission</translation>
    </message>
    <message>
        <source>{name} ({number})'s admission records the hospital number {ipp}. Link to EHR patient {new} instead? Only if the EHR shows the admission's is wrong.</source>
        <translation>L’admission de {name} ({number}) indique le n° hospitalier {ipp}. Lier plutôt au patient {new} du DPI ? Seulement si le DPI montre que celui de l’admission est faux.</translation>
    </message>
    <message>
        <source>EHR number already linked</source>
        <translation>Numéro DPI déjà relié</translation>
    </message>
    <message>
        <source>EHR number {ehr} is already linked to {others}. Link {name} ({number}) to it too? Only if they are the same person, admitted under two downtime numbers.</source>
        <translation>Le numéro DPI {ehr} est déjà relié à {others}. Y relier aussi {name} ({number}) ? Seulement s’il s’agit de la même personne, admise sous deux numéros de procédure dégradée.</translation>
    </message>
    <message>
        <source>Not linked</source>
        <translation>Non lié</translation>
    </message>
    <message>
        <source>Each laptop's sticks and records</source>
        <translation>Les clés et les enregistrements de chaque portable</translation>
    </message>
</context>
<context>
    <name>BandCheck</name>
    <message>
        <source>Band checked: {patient}</source>
        <translation>Bracelet vérifié : {patient}</translation>
    </message>
    <message>
        <source>WRONG PATIENT: this band is {band}, not {patient}</source>
        <translation>ERREUR DE PATIENT : ce bracelet est celui de {band}, pas de {patient}</translation>
    </message>
    <message>
        <source>WRONG PATIENT: this band ({band}) is no patient's on this laptop, not {patient}</source>
        <translation>ERREUR DE PATIENT : ce bracelet ({band}) n’est celui d’aucun patient de ce portable, pas de {patient}</translation>
    </message>
    <message>
        <source>{said} (scanned into a box: taken out of it)</source>
        <translation>{said} (scanné dans une case : retiré de celle-ci)</translation>
    </message>
    <message>
        <source>Band not recognised, not checked against {patient}. {band}</source>
        <translation>Bracelet non reconnu, non vérifié pour {patient}. {band}</translation>
    </message>
    <message>
        <source>{band} is neither a downtime number nor any patient's number on this laptop</source>
        <translation>{band} n’est ni un numéro de procédure dégradée ni le numéro d’aucun patient de ce portable</translation>
    </message>
    <message>
        <source>BAND OUT OF DATE: this is the band of {patient}, but printed {when} it reads what was amended since ({changes}): print a new band and take the old one off</source>
        <translation>BRACELET PÉRIMÉ : c’est le bracelet de {patient}, mais imprimé le {when} il porte ce qui a été corrigé depuis ({changes}) : imprimez un nouveau bracelet et retirez l’ancien</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <source>ward nurse</source>
        <translation>infirmier(ère) du service</translation>
    </message>
    <message>
        <source>doctor</source>
        <translation>médecin</translation>
    </message>
    <message>
        <source>surgical coordinator</source>
        <translation>coordinateur(trice) du bloc</translation>
    </message>
    <message>
        <source>records staff</source>
        <translation>bureau des entrées</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>administrateur</translation>
    </message>
    <message>
        <source>DOWNTIME MODE — record on this laptop, back-entry later</source>
        <translation>PROCÉDURE DÉGRADÉE — saisie ici, ressaisie plus tard</translation>
    </message>
    <message>
        <source>DEMO DATA</source>
        <translation>DÉMO</translation>
    </message>
    <message>
        <source>{name} (device {number})</source>
        <translation>{name} (appareil {number})</translation>
    </message>
    <message>
        <source>Last save: nothing saved yet</source>
        <translation>Dernier enregistrement : aucun</translation>
    </message>
    <message>
        <source>Downtime mode banner</source>
        <translation>Bandeau de procédure dégradée</translation>
    </message>
    <message>
        <source>{laptop}, ward {ward}</source>
        <translation>{laptop}, service {ward}</translation>
    </message>
    <message>
        <source>Laptop clock {time} (UTC{offset})</source>
        <translation>Heure du portable {time} (UTC{offset})</translation>
    </message>
    <message>
        <source>BACKUP FAILED</source>
        <translation>ÉCHEC DE LA SAUVEGARDE</translation>
    </message>
    <message>
        <source>No backup yet</source>
        <translation>Pas encore de sauvegarde</translation>
    </message>
    <message>
        <source>Last backup: {minutes} min ago</source>
        <translation>Dernière sauvegarde : il y a {minutes} min</translation>
    </message>
    <message>
        <source>Last backup: {hours} h ago</source>
        <translation>Dernière sauvegarde : il y a {hours} h</translation>
    </message>
    <message>
        <source>Last save: {time}</source>
        <translation>Dernier enregistrement : {time}</translation>
    </message>
    <message>
        <source>student nurse</source>
        <translation>étudiant(e) infirmier(ère)</translation>
    </message>
    <message>
        <source>healthcare assistant</source>
        <translation>aide-soignant(e)</translation>
    </message>
    <message>
        <source>pharmacist</source>
        <translation>pharmacien(ne)</translation>
    </message>
    <message>
        <source>Set aside…</source>
        <translation>Mettre de côté…</translation>
    </message>
    <message>
        <source>Set aside a form whose author is deactivated, whose patient has left hospital, or typed a day ago or more</source>
        <translation>Mettre de côté un formulaire dont l’auteur est désactivé, dont le patient a quitté l’hôpital, ou saisi il y a un jour ou plus</translation>
    </message>
    <message>
        <source>{said}: export again</source>
        <translation>{said} : exportez à nouveau</translation>
    </message>
    <message>
        <source>No export yet</source>
        <translation>Aucun export encore</translation>
    </message>
    <message>
        <source>{said}: export them before the laptop is put away</source>
        <translation>{said} : exportez-les avant de ranger le portable</translation>
    </message>
    <message>
        <source>{count} record(s)</source>
        <translation>{count} enregistrement(s)</translation>
    </message>
    <message>
        <source>{lines} controlled-drug register line(s)</source>
        <translation>{lines} ligne(s) du registre des stupéfiants</translation>
    </message>
    <message>
        <source>{first} and {second}</source>
        <translation>{first} et {second}</translation>
    </message>
    <message>
        <source>{what} typed on this laptop, which has never exported</source>
        <translation>{what} saisi(e)s sur ce portable, qui n’a jamais exporté</translation>
    </message>
    <message>
        <source>{what} typed since the last export ({time})</source>
        <translation>{what} saisi(e)s depuis le dernier export ({time})</translation>
    </message>
    <message>
        <source>The last backup was made, but the laptop's disk is full: it is not written in the audit log.</source>
        <translation>La dernière sauvegarde a été faite, mais le disque du portable est plein : elle n’est pas écrite dans le journal d’audit.</translation>
    </message>
    <message>
        <source>The last backup was made, but the database's folder cannot be written to: it is not written in the audit log.</source>
        <translation>La dernière sauvegarde a été faite, mais le dossier de la base de données n’est pas accessible en écriture : elle n’est pas écrite dans le journal d’audit.</translation>
    </message>
</context>
<context>
    <name>BowelsView</name>
    <message>
        <source>Bowels — {name}</source>
        <translation>Selles — {name}</translation>
    </message>
    <message>
        <source>Bowels</source>
        <translation>Selles</translation>
    </message>
    <message>
        <source>Bowel chart</source>
        <translation>Surveillance des selles</translation>
    </message>
    <message>
        <source>&amp;Chart the bowels</source>
        <translation>&amp;Noter les selles</translation>
    </message>
    <message>
        <source>&amp;Print the bowel chart</source>
        <translation>&amp;Imprimer la feuille des selles</translation>
    </message>
    <message>
        <source>Nothing charted yet</source>
        <translation>Rien de noté pour l’instant</translation>
    </message>
</context>
<context>
    <name>CancelDialog</name>
    <message>
        <source>Cancel an operation</source>
        <translation>Annuler une intervention</translation>
    </message>
    <message>
        <source>{operation} — theatre {theatre}, {when}</source>
        <translation>{operation} — salle {theatre}, {when}</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Motif</translation>
    </message>
    <message>
        <source>Cancelled &amp;at</source>
        <translation>Annulée &amp;le</translation>
    </message>
    <message>
        <source>Patient &amp;told</source>
        <translation>Patient &amp;informé</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>&amp;Remarques</translation>
    </message>
    <message>
        <source>&amp;Cancel the operation</source>
        <translation>&amp;Annuler l’intervention</translation>
    </message>
    <message>
        <source>No death recorded</source>
        <translation>Aucun décès enregistré</translation>
    </message>
    <message>
        <source>No death is recorded for {name}. Cancel as "Patient died"? The operation leaves the rescheduling list and is not rebooked.</source>
        <translation>Aucun décès n’est enregistré pour {name}. Annuler comme « Patient décédé » ? L’intervention quitte la liste à reprogrammer et ne sera pas reprogrammée.</translation>
    </message>
</context>
<context>
    <name>CdEntryDialog</name>
    <message>
        <source>Cupboard count</source>
        <translation>Comptage de l’armoire</translation>
    </message>
    <message>
        <source>Stock received</source>
        <translation>Stock reçu</translation>
    </message>
    <message>
        <source>&amp;Drug</source>
        <translation>&amp;Médicament</translation>
    </message>
    <message>
        <source>&amp;Unit</source>
        <translation>&amp;Unité</translation>
    </message>
    <message>
        <source>&amp;Counted in the cupboard</source>
        <translation>Compté dans l’&amp;armoire</translation>
    </message>
    <message>
        <source>&amp;Quantity received</source>
        <translation>&amp;Quantité reçue</translation>
    </message>
    <message>
        <source>Count discrepancy</source>
        <translation>Écart au comptage</translation>
    </message>
    <message>
        <source>{counted} {unit} counted: {difference}. This is a discrepancy, written as one on the register to be investigated, not a routine correction. If unsure, Cancel and count again with your witness.

Who was told (e.g. the nurse in charge, the pharmacist)?</source>
        <translation>{counted} {unit} compté(s) : {difference}. C’est un écart, enregistré comme tel au registre pour être analysé, pas une correction ordinaire. En cas de doute, annulez et recomptez avec votre témoin.

Qui a été prévenu (p. ex. le cadre de santé, le pharmacien) ?</translation>
    </message>
    <message>
        <source>Nothing written: count the cupboard again.</source>
        <translation>Rien n’a été enregistré : recomptez l’armoire.</translation>
    </message>
    <message>
        <source>N&amp;ote</source>
        <translation>&amp;Remarque</translation>
    </message>
    <message>
        <source>&amp;Witness staff ID</source>
        <translation>&amp;Identifiant du témoin</translation>
    </message>
    <message>
        <source>Witness &amp;PIN</source>
        <translation>&amp;Code du témoin</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>Quantity: write a number, e.g. 20 or 2,5.</source>
        <translation>Quantité : écrire un nombre, par ex. 20 ou 2,5.</translation>
    </message>
    <message>
        <source>{drug} ({unit}) is no page of ward {ward}'s register, but is close to {pages}: one drug on two pages leaves both balances wrong. If it is the same drug, answer No and choose it in the Drug list. Open a new page for {drug} ({unit}), another drug?</source>
        <translation>{drug} ({unit}) n’a pas de page dans le registre du service {ward}, mais est proche de {pages} : un même médicament sur deux pages fausse les deux soldes. Si c’est le même médicament, répondez Non et choisissez-le dans la liste Médicament. Ouvrir une nouvelle page pour {drug} ({unit}), un autre médicament ?</translation>
    </message>
    <message>
        <source>{drug} ({unit}) is no page of ward {ward}'s register (its pages: {pages}). Open a new page for it?</source>
        <translation>{drug} ({unit}) n’a pas de page dans le registre du service {ward} (ses pages : {pages}). Ouvrir une nouvelle page pour ce produit ?</translation>
    </message>
    <message>
        <source>{drug} ({unit}) is no page of ward {ward}'s register, which has no page yet. Open a new page for it?</source>
        <translation>{drug} ({unit}) n’a pas de page dans le registre du service {ward}, qui n’en a encore aucune. Ouvrir une nouvelle page pour ce produit ?</translation>
    </message>
    <message>
        <source>Quantity: a count or a quantity received is never below zero.</source>
        <translation>Quantité : un comptage ou une quantité reçue n’est jamais négatif.</translation>
    </message>
</context>
<context>
    <name>CdRegisterPanel</name>
    <message>
        <source>{when} (withdrawn {written})</source>
        <translation>{when} (annulée {written})</translation>
    </message>
    <message>
        <source>{when} (written {written})</source>
        <translation>{when} (saisie {written})</translation>
    </message>
    <message>
        <source>Controlled drugs and their balances</source>
        <translation>Stupéfiants et leurs soldes</translation>
    </message>
    <message>
        <source>The drug's page of the register</source>
        <translation>La page du registre de ce médicament</translation>
    </message>
    <message>
        <source>&amp;Stock received…</source>
        <translation>Stock &amp;reçu…</translation>
    </message>
    <message>
        <source>Cupboard &amp;count…</source>
        <translation>&amp;Comptage de l’armoire…</translation>
    </message>
    <message>
        <source>Record wasta&amp;ge…</source>
        <translation>&amp;Perte (reliquat détruit)…</translation>
    </message>
    <message>
        <source>&amp;Print this page</source>
        <translation>&amp;Imprimer cette page</translation>
    </message>
    <message>
        <source>No controlled drug on this ward's register or orders yet.</source>
        <translation>Aucun stupéfiant au registre ni sur les prescriptions de ce service pour l’instant.</translation>
    </message>
    <message>
        <source>&lt;b&gt;{drug} ({unit})&lt;/b&gt;: balance {balance}</source>
        <translation>&lt;b&gt;{drug} ({unit})&lt;/b&gt; : solde {balance}</translation>
    </message>
    <message>
        <source>Supplied &amp;to take home…</source>
        <translation>Remise pour la s&amp;ortie…</translation>
    </message>
    <message>
        <source>{entry} — ENTERED IN ERROR: {reason}</source>
        <translation>{entry} — SAISIE PAR ERREUR : {reason}</translation>
    </message>
    <message>
        <source>Mark line entered in &amp;error…</source>
        <translation>Marquer une &amp;ligne saisie par erreur…</translation>
    </message>
</context>
<context>
    <name>ChangePin</name>
    <message>
        <source>Change my PIN</source>
        <translation>Changer mon code</translation>
    </message>
    <message>
        <source>{name} ({staff_id}): from now on your new PIN signs you in, and signs when you witness a controlled drug.</source>
        <translation>{name} ({staff_id}) : désormais, votre nouveau code vous connecte et signe quand vous êtes témoin d’un stupéfiant.</translation>
    </message>
    <message>
        <source>&amp;Current PIN</source>
        <translation>Code &amp;actuel</translation>
    </message>
    <message>
        <source>&amp;New PIN (4-12 digits)</source>
        <translation>&amp;Nouveau code (4 à 12 chiffres)</translation>
    </message>
    <message>
        <source>New PIN &amp;again</source>
        <translation>Nouveau code à nou&amp;veau</translation>
    </message>
    <message>
        <source>New PIN: the two new PINs typed differ; type them again.</source>
        <translation>Nouveau code : les deux nouveaux codes saisis diffèrent ; saisissez-les à nouveau.</translation>
    </message>
    <message>
        <source>{name} ({staff_id}): your PIN is one an administrator set; it signs in only for you to choose your own, which then signs you in, and signs when you witness a controlled drug.</source>
        <translation>{name} ({staff_id}) : votre code a été défini par un administrateur ; il ne vous connecte que pour choisir le vôtre, qui ensuite vous connecte et signe quand vous êtes témoin d’un stupéfiant.</translation>
    </message>
</context>
<context>
    <name>CopiedDatabase</name>
    <message>
        <source>Downtime — a database set up on another computer</source>
        <translation>Downtime — une base installée sur un autre ordinateur</translation>
    </message>
    <message>
        <source>This database was set up on another computer, as device {number} ({name}), and is opened on this one for the first time. If it is a copy the other laptop goes on using, both would give the same downtime numbers to different patients.</source>
        <translation>Cette base a été installée sur un autre ordinateur, comme appareil {number} ({name}), et s’ouvre sur celui-ci pour la première fois. Si c’est une copie que l’autre portable continue d’utiliser, les deux donneraient les mêmes numéros de procédure dégradée à des patients différents.</translation>
    </message>
    <message>
        <source>This laptop &amp;replaces the other</source>
        <translation>Ce portable &amp;remplace l’autre</translation>
    </message>
    <message>
        <source>It is a &amp;copy both laptops go on using</source>
        <translation>C’est une &amp;copie que les deux portables continuent d’utiliser</translation>
    </message>
    <message>
        <source>The other will not be used again, or this is the same laptop under another account: it goes on as device {number}.</source>
        <translation>L’autre ne sera plus utilisé, ou c’est le même portable sous un autre compte : il continue comme appareil {number}.</translation>
    </message>
    <message>
        <source>This one becomes a laptop of its own, with the device number IT gives it from the hospital's downtime plan:</source>
        <translation>Celui-ci devient un portable à part entière, avec le numéro d’appareil que l’informatique lui donne d’après le plan de procédure dégradée de l’hôpital :</translation>
    </message>
    <message>
        <source>choose 1-999</source>
        <translation>choisir de 1 à 999</translation>
    </message>
    <message>
        <source>e.g. Ward 3B laptop 2</source>
        <translation>ex. : Portable 2 du service 3B</translation>
    </message>
    <message>
        <source>None (all wards)</source>
        <translation>Aucun (tous les services)</translation>
    </message>
    <message>
        <source>New device &amp;number</source>
        <translation>&amp;Nouveau numéro d’appareil</translation>
    </message>
    <message>
        <source>New device n&amp;ame</source>
        <translation>Nouveau n&amp;om d’appareil</translation>
    </message>
    <message>
        <source>This laptop's &amp;ward</source>
        <translation>&amp;Service de ce portable</translation>
    </message>
    <message>
        <source>Con&amp;tinue</source>
        <translation>Con&amp;tinuer</translation>
    </message>
    <message>
        <source>An administrator must sign in and say whether this laptop replaces the other or is a copy.</source>
        <translation>Un administrateur doit se connecter et dire si ce portable remplace l’autre ou s’il s’agit d’une copie.</translation>
    </message>
    <message>
        <source>Choose whether this laptop replaces the other or is a copy.</source>
        <translation>Choisissez si ce portable remplace l’autre ou s’il s’agit d’une copie.</translation>
    </message>
</context>
<context>
    <name>Countersign</name>
    <message>
        <source>Countersign the telephone order</source>
        <translation>Contresigner la prescription téléphonique</translation>
    </message>
    <message>
        <source>{order}
Given by telephone by {prescriber}, taken {taken}.

Countersign it as {name}?</source>
        <translation>{order}
Donnée par téléphone par {prescriber}, reçue le {taken}.

La contresigner en tant que {name} ?</translation>
    </message>
    <message>
        <source>Not countersigned</source>
        <translation>Non contresignée</translation>
    </message>
</context>
<context>
    <name>DevicesView</name>
    <message>
        <source>Lines and catheters — {name}</source>
        <translation>Cathéters et sondes — {name}</translation>
    </message>
    <message>
        <source>Lines and catheters</source>
        <translation>Cathéters et sondes</translation>
    </message>
    <message>
        <source>Looks at the lines and catheters</source>
        <translation>Surveillances des cathéters et sondes</translation>
    </message>
    <message>
        <source>Record a new &amp;device</source>
        <translation>Noter un &amp;nouveau dispositif</translation>
    </message>
    <message>
        <source>&amp;Print the line and catheter chart</source>
        <translation>&amp;Imprimer la feuille des cathéters et sondes</translation>
    </message>
    <message>
        <source>&amp;Check the chosen device…</source>
        <translation>Surveiller le dispositif &amp;choisi…</translation>
    </message>
    <message>
        <source>No line or catheter charted yet</source>
        <translation>Aucun cathéter ni sonde noté pour l’instant</translation>
    </message>
    <message>
        <source>Every line and catheter charted is out</source>
        <translation>Tous les cathéters et sondes notés sont retirés</translation>
    </message>
    <message>
        <source>Still in: {open}</source>
        <translation>En place : {open}</translation>
    </message>
    <message>
        <source>Choose the line or catheter in the list first.</source>
        <translation>Choisir d’abord le cathéter ou la sonde dans la liste.</translation>
    </message>
    <message>
        <source>{device} was taken out on {time}: record a new device if another was put in.</source>
        <translation>{device} a été retiré le {time} : noter un nouveau dispositif si un autre a été posé.</translation>
    </message>
</context>
<context>
    <name>DoneDialog</name>
    <message>
        <source>Operation done</source>
        <translation>Intervention réalisée</translation>
    </message>
    <message>
        <source>Why it is recorded in this theatre at this time, kept in the record for the records office</source>
        <translation>Pourquoi elle est enregistrée dans cette salle à cette heure, gardé dans le dossier pour le bureau des entrées</translation>
    </message>
    <message>
        <source>Done &amp;at</source>
        <translation>Réalisée &amp;le</translation>
    </message>
    <message>
        <source>&amp;Theatre</source>
        <translation>&amp;Salle</translation>
    </message>
    <message>
        <source>&amp;Side operated</source>
        <translation>&amp;Côté opéré</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>&amp;Remarques</translation>
    </message>
    <message>
        <source>&amp;Why recorded anyway</source>
        <translation>&amp;Motif de l’enregistrement malgré tout</translation>
    </message>
    <message>
        <source>&amp;Record the operation done</source>
        <translation>&amp;Enregistrer l’intervention réalisée</translation>
    </message>
</context>
<context>
    <name>DoseDialog</name>
    <message>
        <source>Doses before {time} are on the EHR's chart: check its last print before giving</source>
        <translation>Les doses d’avant le {time} sont dans le DPI : vérifier sa dernière impression avant d’administrer</translation>
    </message>
    <message>
        <source> — HIGH-ALERT medicine: second check required</source>
        <translation> — médicament à HAUT RISQUE : double contrôle obligatoire</translation>
    </message>
    <message>
        <source>Checker's &amp;PIN</source>
        <translation>&amp;Code du second soignant</translation>
    </message>
    <message>
        <source>Chec&amp;ker's staff ID</source>
        <translation>&amp;Identifiant du second soignant</translation>
    </message>
    <message>
        <source>Second check (high-alert medicine)</source>
        <translation>Double contrôle (médicament à haut risque)</translation>
    </message>
    <message>
        <source>— STOPPED {time}: no dose is due after it</source>
        <translation>— ARRÊTÉE le {time} : aucune dose n’est prévue après</translation>
    </message>
    <message>
        <source>Last dose: none recorded</source>
        <translation>Dernière dose : aucune tracée</translation>
    </message>
    <message>
        <source>Last dose before {at}: none recorded</source>
        <translation>Dernière dose avant le {at} : aucune tracée</translation>
    </message>
    <message>
        <source>Last dose: {time} ({ago} ago) by {who}</source>
        <translation>Dernière dose : {time} (il y a {ago}) par {who}</translation>
    </message>
    <message>
        <source>Last dose: {time} ({ago} before {at}) by {who}</source>
        <translation>Dernière dose : {time} ({ago} avant le {at}) par {who}</translation>
    </message>
    <message>
        <source>, from the order {order}</source>
        <translation>, de la prescription {order}</translation>
    </message>
    <message>
        <source>Given in the last 24 h: {count}, at most {limit}</source>
        <translation>Données dans les dernières 24 h : {count}, au plus {limit}</translation>
    </message>
    <message>
        <source>Given in the last 24 h: {count}</source>
        <translation>Données dans les dernières 24 h : {count}</translation>
    </message>
    <message>
        <source>Given in the 24 h up to {at}: {count}, at most {limit}</source>
        <translation>Données dans les 24 h jusqu’au {at} : {count}, au plus {limit}</translation>
    </message>
    <message>
        <source>Given in the 24 h up to {at}: {count}</source>
        <translation>Données dans les 24 h jusqu’au {at} : {count}</translation>
    </message>
    <message>
        <source>; of them from another order of the same medicine: {doses}</source>
        <translation> ; dont d’une autre prescription du même médicament : {doses}</translation>
    </message>
    <message>
        <source>; on hold, perhaps given: {doses}</source>
        <translation> ; en attente, peut-être données : {doses}</translation>
    </message>
    <message>
        <source>A dose is allowed now</source>
        <translation>Une dose peut être donnée maintenant</translation>
    </message>
    <message>
        <source>A dose is allowed at {at}</source>
        <translation>Une dose peut être donnée le {at}</translation>
    </message>
    <message>
        <source>Next dose allowed from {time} (in {wait})</source>
        <translation>Prochaine dose possible à partir de {time} (dans {wait})</translation>
    </message>
    <message>
        <source>Next dose allowed from {time} ({wait} after {at})</source>
        <translation>Prochaine dose possible à partir de {time} ({wait} après le {at})</translation>
    </message>
    <message>
        <source>Record a dose</source>
        <translation>Enregistrer une administration</translation>
    </message>
    <message>
        <source> due {time}</source>
        <translation> prévue le {time}</translation>
    </message>
    <message>
        <source>Sit&amp;e</source>
        <translation>Si&amp;te</translation>
    </message>
    <message>
        <source>Deta&amp;ils</source>
        <translation>Précision&amp;s</translation>
    </message>
    <message>
        <source> (as required)</source>
        <translation> (si besoin)</translation>
    </message>
    <message>
        <source> — CONTROLLED DRUG: witness required</source>
        <translation> — STUPÉFIANT : témoin obligatoire</translation>
    </message>
    <message>
        <source> — HIGH-ALERT medicine</source>
        <translation> — médicament à HAUT RISQUE</translation>
    </message>
    <message>
        <source>Given</source>
        <translation>Administré</translation>
    </message>
    <message>
        <source> — in {wait}</source>
        <translation> — dans {wait}</translation>
    </message>
    <message>
        <source> — due now</source>
        <translation> — à donner maintenant</translation>
    </message>
    <message>
        <source>MISSED: {late} overdue</source>
        <translation>OMISE : dépassée de {late}</translation>
    </message>
    <message>
        <source>{late} overdue</source>
        <translation>dépassée de {late}</translation>
    </message>
    <message>
        <source>{late} late</source>
        <translation>en retard de {late}</translation>
    </message>
    <message>
        <source> — {amount}, at most {most}</source>
        <translation> — {amount}, au plus {most}</translation>
    </message>
    <message>
        <source>Not given</source>
        <translation>Non administré</translation>
    </message>
    <message>
        <source>e.g. pain 7/10, nausea after lunch</source>
        <translation>ex. douleur 7/10, nausées après le déjeuner</translation>
    </message>
    <message>
        <source>e.g. capillary glucose 13.2 mmol/L, INR 2.4</source>
        <translation>par ex. glycémie capillaire 13,2 mmol/L, INR 2,4</translation>
    </message>
    <message>
        <source>&amp;Outcome</source>
        <translation>&amp;Résultat</translation>
    </message>
    <message>
        <source>Actual &amp;time</source>
        <translation>&amp;Heure réelle</translation>
    </message>
    <message>
        <source>&amp;Dose given ({unit})</source>
        <translation>&amp;Dose administrée ({unit})</translation>
    </message>
    <message>
        <source>&amp;Route</source>
        <translation>&amp;Voie</translation>
    </message>
    <message>
        <source>Reason &amp;given (as required)</source>
        <translation>&amp;Motif d’administration (si besoin)</translation>
    </message>
    <message>
        <source>&amp;Measured value (variable dose)</source>
        <translation>Valeur &amp;mesurée (dose variable)</translation>
    </message>
    <message>
        <source>Given covertl&amp;y (disguised in food or drink)</source>
        <translation>Administré à l’ins&amp;u du patient (dissimulé dans un aliment ou une boisson)</translation>
    </message>
    <message>
        <source>Reason &amp;not given</source>
        <translation>Motif de &amp;non-administration</translation>
    </message>
    <message>
        <source>Given &amp;by (if not you)</source>
        <translation>Administré &amp;par (si autre que vous)</translation>
    </message>
    <message>
        <source>Gi&amp;ver's PIN</source>
        <translation>C&amp;ode de la personne ayant administré</translation>
    </message>
    <message>
        <source>Transcribed &amp;from the paper chart</source>
        <translation>Retranscrit depuis &amp;le plan d’administration papier</translation>
    </message>
    <message>
        <source>Paper &amp;chart reference</source>
        <translation>Ré&amp;férence sur le plan d’administration papier</translation>
    </message>
    <message>
        <source>Stoc&amp;k from register page</source>
        <translation>Stoc&amp;k pris sur la page du registre</translation>
    </message>
    <message>
        <source>&amp;Witness staff ID</source>
        <translation>&amp;Identifiant du témoin</translation>
    </message>
    <message>
        <source>Witness &amp;PIN</source>
        <translation>&amp;Code du témoin</translation>
    </message>
    <message>
        <source>&amp;Witness on the paper chart</source>
        <translation>Témoin ayant si&amp;gné le papier</translation>
    </message>
    <message>
        <source>&amp;Save dose (Ctrl+S)</source>
        <translation>&amp;Enregistrer (Ctrl+S)</translation>
    </message>
    <message>
        <source>Disc&amp;ard this draft</source>
        <translation>&amp;Abandonner ce brouillon</translation>
    </message>
    <message>
        <source>NOT RECORDED YET: typed at {time} and left unsaved. Check it, then save it, or cancel it.</source>
        <translation>PAS ENCORE TRACÉE : saisie le {time} et laissée sans enregistrer. La vérifier, puis l’enregistrer, ou l’annuler.</translation>
    </message>
    <message>
        <source>ALREADY RECORDED: the {slot} dose was recorded as given at {time} by {who}. Discard this draft (typed at {typed}), unless that record is wrong.</source>
        <translation>DÉJÀ TRACÉE : la dose de {slot} a été tracée comme donnée le {time} par {who}. Abandonnez ce brouillon (saisi le {typed}), sauf si cette traçabilité est erronée.</translation>
    </message>
    <message>
        <source>ALREADY RECORDED: the {slot} dose was recorded as not given at {time} by {who}. Discard this draft (typed at {typed}), unless that record is wrong.</source>
        <translation>DÉJÀ TRACÉE : la dose de {slot} a été tracée comme non donnée le {time} par {who}. Abandonnez ce brouillon (saisi le {typed}), sauf si cette traçabilité est erronée.</translation>
    </message>
    <message>
        <source> (as required: {why})</source>
        <translation> (si besoin : {why})</translation>
    </message>
    <message>
        <source> — TIME-CRITICAL: give within 30 minutes of its time</source>
        <translation> — HORAIRE CRITIQUE : donner à 30 minutes près</translation>
    </message>
    <message>
        <source> — VARIABLE DOSE: type what its rule gives</source>
        <translation> — DOSE VARIABLE : tapez ce que donne sa règle</translation>
    </message>
    <message>
        <source> — TELEPHONE ORDER: not countersigned yet</source>
        <translation> — PRESCRIPTION TÉLÉPHONIQUE : pas encore contresignée</translation>
    </message>
    <message>
        <source>ACTUAL TIME FILLED IN AT ITS SCHEDULED TIME ({slot}): correct it to the time on the paper chart, or to now if the dose is given now.</source>
        <translation>HEURE RÉELLE REMPLIE AVEC L’HEURE PRÉVUE ({slot}) : corrigez-la selon le plan d’administration papier, ou mettez l’heure actuelle si la dose est donnée maintenant.</translation>
    </message>
    <message>
        <source>GIVEN {late} AFTER ITS TIME ({slot}): if it was given at its time, type that time; if it was not given, record it not given.</source>
        <translation>DONNÉE {late} APRÈS SON HEURE ({slot}) : si elle a été donnée à son heure, saisissez cette heure ; si elle n’a pas été donnée, tracez-la non donnée.</translation>
    </message>
    <message>
        <source>NOT DUE UNTIL {due}: only nil by mouth, held or other can be recorded before then, with a reason.</source>
        <translation>PAS AVANT {due} : seuls « à jeun », « suspendu » ou « autre » peuvent être tracés avant, avec un motif.</translation>
    </message>
    <message>
        <source>{drug} — ward {ward} holds {balance} {unit}</source>
        <translation>{drug} — le service {ward} détient {balance} {unit}</translation>
    </message>
    <message>
        <source>Reason for giving anyway</source>
        <translation>Motif pour administrer malgré tout</translation>
    </message>
    <message>
        <source>Reason for giving anyway (kept in the record and the audit log)</source>
        <translation>Motif pour administrer malgré tout (gardé dans le dossier et le journal d’audit)</translation>
    </message>
    <message>
        <source>Reason for recording anyway</source>
        <translation>Motif pour enregistrer malgré tout</translation>
    </message>
    <message>
        <source>Reason for recording anyway (kept in the record and the audit log)</source>
        <translation>Motif pour tracer malgré tout (gardé dans le dossier et le journal d’audit)</translation>
    </message>
    <message>
        <source>Override reason</source>
        <translation>Motif de dérogation</translation>
    </message>
    <message>
        <source>Safety warning: give a reason to override each one, or cancel.</source>
        <translation>Alerte de sécurité : donnez un motif pour chacune, ou annulez.</translation>
    </message>
    <message>
        <source>THE LAPTOP LOCKED AT {time}: the actual time stays as filled in before it. Correct it to the time the dose was given, or to now if it is given now.</source>
        <translation>L’ORDINATEUR S’EST VERROUILLÉ À {time} : l’heure réelle reste celle remplie avant. Corrigez-la selon l’heure où la dose a été donnée, ou mettez l’heure actuelle si elle est donnée maintenant.</translation>
    </message>
    <message>
        <source>{person} (no longer active)</source>
        <translation>{person} (plus en activité)</translation>
    </message>
    <message>
        <source>Supervised by a ward nurse (student nurse's dose)</source>
        <translation>Encadrée par un(e) infirmier(ère) du service (dose d’un(e) étudiant(e))</translation>
    </message>
    <message>
        <source>Supervising n&amp;urse's staff ID</source>
        <translation>Identifiant de l’infirmier(ère) enc&amp;adrant</translation>
    </message>
    <message>
        <source>Supervising nurse's &amp;PIN</source>
        <translation>&amp;Code de l’infirmier(ère) encadrant</translation>
    </message>
    <message>
        <source>Supervising n&amp;urse on the paper chart</source>
        <translation>Infirmier(ère) enc&amp;adrant ayant signé le papier</translation>
    </message>
    <message>
        <source>Infusion rate (m&amp;L/h)</source>
        <translation>Débit de perfusion (m&amp;L/h)</translation>
    </message>
    <message>
        <source>Previous patc&amp;h</source>
        <translation>Patc&amp;h précédent</translation>
    </message>
    <message>
        <source>CURRENT PATCH: applied {time}, {site}, by {who} — remove it before applying the new one</source>
        <translation>PATCH EN PLACE : posé le {time}, {site}, par {who} — le retirer avant de poser le nouveau</translation>
    </message>
    <message>
        <source>site not recorded</source>
        <translation>site non renseigné</translation>
    </message>
    <message>
        <source>Last sites: {sites}</source>
        <translation>Derniers sites : {sites}</translation>
    </message>
    <message>
        <source>NOT RECORDED HERE: the patient was on ward {ward} from {start} to {end}, charted on another laptop: check that ward's chart for doses given there before giving</source>
        <translation>NON TRACÉ ICI : le patient était dans le service {ward} du {start} au {end}, suivi sur un autre portable : vérifiez sur le plan d’administration de ce service les doses qui y ont été données avant de donner</translation>
    </message>
    <message>
        <source>No breakthrough dose recorded</source>
        <translation>Aucune dose de secours tracée</translation>
    </message>
    <message>
        <source>No breakthrough dose recorded before {at}</source>
        <translation>Aucune dose de secours tracée avant le {at}</translation>
    </message>
    <message>
        <source>Background dose: {order} at {time} ({ago} ago) by {who}, not counted here</source>
        <translation>Dose de fond : {order} le {time} (il y a {ago}) par {who}, non comptée ici</translation>
    </message>
    <message>
        <source>Background dose: {order} at {time} ({ago} before {at}) by {who}, not counted here</source>
        <translation>Dose de fond : {order} le {time} ({ago} avant le {at}) par {who}, non comptée ici</translation>
    </message>
</context>
<context>
    <name>EscalationPanel</name>
    <message>
        <source>All wards</source>
        <translation>Tous les services</translation>
    </message>
    <message>
        <source>Patients needing escalation</source>
        <translation>Patients nécessitant une alerte</translation>
    </message>
    <message>
        <source>Observations overdue</source>
        <translation>Relevés en retard</translation>
    </message>
    <message>
        <source>Bedside charts and laboratory results</source>
        <translation>Feuilles de surveillance et résultats de laboratoire</translation>
    </message>
    <message>
        <source>Reading the list…</source>
        <translation>Lecture de la liste…</translation>
    </message>
    <message>
        <source>{count} patient(s) to review, {high} HIGH</source>
        <translation>{count} patient(s) à revoir, dont {high} ÉLEVÉ</translation>
    </message>
    <message>
        <source>No patient's NEWS2 is above low risk</source>
        <translation>Aucun patient n’a un NEWS2 au-dessus du risque faible</translation>
    </message>
    <message>
        <source>Observations overdue: {count} patient(s)</source>
        <translation>Relevés en retard : {count} patient(s)</translation>
    </message>
    <message>
        <source>No observations overdue</source>
        <translation>Aucun relevé en retard</translation>
    </message>
    <message>
        <source>Other charts and laboratory results asking now: {count} patient(s)</source>
        <translation>Autres feuilles de surveillance et résultats de laboratoire à traiter maintenant : {count} patient(s)</translation>
    </message>
    <message>
        <source>No other chart nor laboratory result asking now</source>
        <translation>Aucune autre feuille de surveillance ni aucun résultat de laboratoire à traiter maintenant</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export for back-entry</source>
        <translation>Export pour la ressaisie</translation>
    </message>
    <message>
        <source>New export folder</source>
        <translation>Nouveau dossier d’export</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <source>New &amp;folder (on the USB stick):</source>
        <translation>Nouveau &amp;dossier (sur la clé USB) :</translation>
    </message>
    <message>
        <source>Only what changed since this laptop's last export</source>
        <translation>Seulement ce qui a changé depuis le dernier export de ce portable</translation>
    </message>
    <message>
        <source>age1… (the records office's public key)</source>
        <translation>age1… (la clé publique du bureau des entrées)</translation>
    </message>
    <message>
        <source>Encrypt to public key</source>
        <translation>Chiffrer pour la clé publique</translation>
    </message>
    <message>
        <source>&amp;Encrypt to:</source>
        <translation>&amp;Chiffrer pour :</translation>
    </message>
    <message>
        <source>NOT ENCRYPTED: with no key above, every patient's record goes onto the stick in plain text, readable by whoever finds it. IT sets the records office's key in Administration ▸ Settings; or type it above.</source>
        <translation>NON CHIFFRÉ : sans clé ci-dessus, le dossier de chaque patient part sur la clé USB en clair, lisible par quiconque la trouve. L’informatique règle la clé du bureau des entrées dans Administration ▸ Réglages ; ou saisissez-la ci-dessus.</translation>
    </message>
    <message>
        <source>Export &amp;NOT encrypted all the same</source>
        <translation>Exporter &amp;NON chiffré malgré tout</translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation>Avancement de l’export</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exporter</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Where to put the export</source>
        <translation>Où mettre l’export</translation>
    </message>
    <message>
        <source>Choose a new folder for the export.</source>
        <translation>Choisissez un nouveau dossier pour l’export.</translation>
    </message>
    <message>
        <source>Not exported: tick “Export NOT encrypted all the same” to put every patient's record on the stick in plain text, or give the records office's key.</source>
        <translation>Non exporté : cochez « Exporter NON chiffré malgré tout » pour mettre le dossier de chaque patient en clair sur la clé USB, ou donnez la clé du bureau des entrées.</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Export en cours…</translation>
    </message>
    <message>
        <source>NOT ENCRYPTED: every patient's record there is in plain text.</source>
        <translation>NON CHIFFRÉ : le dossier de chaque patient y est en clair.</translation>
    </message>
    <message>
        <source>Not exported.</source>
        <translation>Non exporté.</translation>
    </message>
    <message>
        <source>Every file is encrypted to the records office's key.</source>
        <translation>Chaque fichier est chiffré pour la clé du bureau des entrées.</translation>
    </message>
    <message>
        <source>Exported {count} record version(s) to {folder}.</source>
        <translation>{count} version(s) d’enregistrement exportée(s) dans {folder}.</translation>
    </message>
    <message>
        <source>For a patient moved to &amp;another ward (that ward's laptop reads it)</source>
        <translation>Pour un patient transféré dans un &amp;autre service (le portable de ce service la lit)</translation>
    </message>
    <message>
        <source>Every file is encrypted to the records office's key and the wards' key: the receiving ward's laptop imports it (Ward ▸ Import data…).</source>
        <translation>Chaque fichier est chiffré à la clé du bureau des entrées et à la clé des services : le portable du service qui reçoit le patient l’importe (Service ▸ Importer des données…).</translation>
    </message>
</context>
<context>
    <name>FieldEditors</name>
    <message>
        <source>Fill in the laptop's current date and time</source>
        <translation>Remplir avec la date et l’heure du portable</translation>
    </message>
</context>
<context>
    <name>FluidBalanceView</name>
    <message>
        <source>Urine output</source>
        <translation>Diurèse</translation>
    </message>
    <message>
        <source>Fluid balance — {name}</source>
        <translation>Bilan entrées-sorties — {name}</translation>
    </message>
    <message>
        <source>◀ &amp;Day before</source>
        <translation>◀ Jour &amp;précédent</translation>
    </message>
    <message>
        <source>Day &amp;after ▶</source>
        <translation>Jour suiva&amp;nt ▶</translation>
    </message>
    <message>
        <source>&amp;Chart under way</source>
        <translation>&amp;Feuille en cours</translation>
    </message>
    <message>
        <source>The day's fluid balance</source>
        <translation>Le bilan entrées-sorties du jour</translation>
    </message>
    <message>
        <source>Fluid restriction or target</source>
        <translation>Restriction ou objectif hydrique</translation>
    </message>
    <message>
        <source>Given on the medication chart, not charted</source>
        <translation>Administré sur le plan d’administration, pas reporté</translation>
    </message>
    <message>
        <source>Nutrition screening (MUST)</source>
        <translation>Dépistage de la dénutrition (MUST)</translation>
    </message>
    <message>
        <source>Fluid balance by the hour</source>
        <translation>Bilan entrées-sorties heure par heure</translation>
    </message>
    <message>
        <source>Volumes measured this day</source>
        <translation>Volumes mesurés ce jour</translation>
    </message>
    <message>
        <source>Record fluid &amp;in or out</source>
        <translation>&amp;Enregistrer une entrée ou une sortie</translation>
    </message>
    <message>
        <source>&amp;Print this day's chart</source>
        <translation>&amp;Imprimer la feuille de ce jour</translation>
    </message>
    <message>
        <source>Restriction or &amp;target…</source>
        <translation>Restriction ou &amp;objectif…</translation>
    </message>
    <message>
        <source>Chart a &amp;bag from the medication chart</source>
        <translation>&amp;Reporter une poche du plan d’administration</translation>
    </message>
    <message>
        <source>Screen &amp;nutrition (MUST)…</source>
        <translation>Dépister la dénutrition (&amp;MUST)…</translation>
    </message>
    <message>
        <source>Chart a bag from the medication chart</source>
        <translation>Reporter une poche du plan d’administration</translation>
    </message>
    <message>
        <source>Every infusion or feed given in mL on the medication chart this day is on this chart already.</source>
        <translation>Chaque perfusion ou alimentation administrée en mL sur le plan d’administration ce jour-là figure déjà sur cette feuille.</translation>
    </message>
</context>
<context>
    <name>FormView</name>
    <message>
        <source>Why is it less often (as the care plan says)? (kept in the record)</source>
        <translation>Pourquoi moins souvent (selon le plan de soins) ? (conservé dans le dossier)</translation>
    </message>
    <message>
        <source>Why is this dose prescribed? (kept in the order)</source>
        <translation>Pourquoi cette dose est-elle prescrite ? (conservé dans la prescription)</translation>
    </message>
    <message>
        <source>Repositioning less often than advised</source>
        <translation>Changements de position moins fréquents que recommandé</translation>
    </message>
    <message>
        <source>&amp;Save (Ctrl+S)</source>
        <translation>&amp;Enregistrer (Ctrl+S)</translation>
    </message>
    <message>
        <source>&amp;Amend…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>Entered in &amp;error…</source>
        <translation>Saisie par &amp;erreur…</translation>
    </message>
    <message>
        <source>Histor&amp;y</source>
        <translation>&amp;Historique</translation>
    </message>
    <message>
        <source>&amp;Print</source>
        <translation>&amp;Imprimer</translation>
    </message>
    <message>
        <source>Version {version} — {status} — recorded by {author} at {time}</source>
        <translation>Version {version} — {status} — saisie par {author} le {time}</translation>
    </message>
    <message>
        <source>amending: change what is wrong, then Save</source>
        <translation>modification : corrigez ce qui est faux, puis Enregistrer</translation>
    </message>
    <message>
        <source>Some answers are filled in for you, from the patient's chart, the person signed in or this laptop's ward: check each one, and change what is not true, before saving.</source>
        <translation>Certaines réponses sont préremplies, d’après le dossier du patient, la personne connectée ou le service de ce portable : vérifiez chacune et corrigez ce qui n’est pas exact avant d’enregistrer.</translation>
    </message>
    <message>
        <source>{name} total: {count} item(s) left to score</source>
        <translation>Total {name} : {count} item(s) encore à coter</translation>
    </message>
    <message>
        <source>{name} total: {score} — {meaning}</source>
        <translation>Total {name} : {score} — {meaning}</translation>
    </message>
    <message>
        <source>Not saved — please correct:</source>
        <translation>Non enregistré — à corriger :</translation>
    </message>
    <message>
        <source>Reason for the amendment</source>
        <translation>Motif de la modification</translation>
    </message>
    <message>
        <source>Why is this record being corrected? (kept in the history)</source>
        <translation>Pourquoi cet enregistrement est-il corrigé ? (gardé dans l’historique)</translation>
    </message>
    <message>
        <source>• was: {old}
   now: {new}</source>
        <translation>• avant : {old}
   maintenant : {new}</translation>
    </message>
    <message>
        <source>The patient is on ward {ward} now: the band to change is there.</source>
        <translation>Le patient est maintenant dans le service {ward} : c’est là que se trouve le bracelet à changer.</translation>
    </message>
    <message>
        <source>If {number} is the number chosen, print its new wristband and a new sheet of ID labels now? The patient wears only the band of the number chosen: take the other off.</source>
        <translation>Si {number} est le numéro choisi, imprimer maintenant son nouveau bracelet et une nouvelle planche d’étiquettes d’identification ? Le patient ne porte que le bracelet du numéro choisi : retirez l’autre.</translation>
    </message>
    <message>
        <source>If {number} is the number chosen, print its new wristband now? The patient wears only the band of the number chosen: take the other off.</source>
        <translation>Si {number} est le numéro choisi, imprimer maintenant son nouveau bracelet ? Le patient ne porte que le bracelet du numéro choisi : retirez l’autre.</translation>
    </message>
    <message>
        <source>Wristband out of date</source>
        <translation>Bracelet d’identification périmé</translation>
    </message>
    <message>
        <source>Check the NIR</source>
        <translation>Vérifier le NIR</translation>
    </message>
    <message>
        <source>Save with this NIR?</source>
        <translation>Enregistrer avec ce NIR ?</translation>
    </message>
    <message>
        <source>Already in hospital?</source>
        <translation>Déjà hospitalisé ?</translation>
    </message>
    <message>
        <source>Save as another patient?</source>
        <translation>Enregistrer comme un autre patient ?</translation>
    </message>
    <message>
        <source>One person, two charts</source>
        <translation>Une personne, deux dossiers</translation>
    </message>
    <message>
        <source>Check the weight</source>
        <translation>Vérifier le poids</translation>
    </message>
    <message>
        <source>Save with this weight?</source>
        <translation>Enregistrer avec ce poids ?</translation>
    </message>
    <message>
        <source>Recorded allergy</source>
        <translation>Allergie enregistrée</translation>
    </message>
    <message>
        <source>{drug} matches the patient's recorded allergy: {allergies}.

Why is it prescribed all the same? (kept in the order)</source>
        <translation>{drug} correspond à l’allergie enregistrée du patient : {allergies}.

Pourquoi le prescrire malgré tout ? (conservé dans la prescription)</translation>
    </message>
    <message>
        <source>Allergies not known yet</source>
        <translation>Allergies non encore connues</translation>
    </message>
    <message>
        <source>No insulin after the infusion</source>
        <translation>Pas d’insuline après la perfusion</translation>
    </message>
    <message>
        <source>Save this order all the same?</source>
        <translation>Enregistrer cette prescription malgré tout ?</translation>
    </message>
    <message>
        <source>Already ordered</source>
        <translation>Déjà prescrit</translation>
    </message>
    <message>
        <source>Save this order as well?</source>
        <translation>Enregistrer aussi cette prescription ?</translation>
    </message>
    <message>
        <source>Already booked</source>
        <translation>Déjà programmée</translation>
    </message>
    <message>
        <source>Book this operation a second time, on purpose (a staged repair)?</source>
        <translation>Programmer cette intervention une seconde fois, volontairement (chirurgie en plusieurs temps) ?</translation>
    </message>
    <message>
        <source>The session {session} has already ended.</source>
        <translation>La vacation {session} est déjà terminée.</translation>
    </message>
    <message>
        <source>Session already ended</source>
        <translation>Vacation déjà terminée</translation>
    </message>
    <message>
        <source>Book onto it all the same (a record typed late)?</source>
        <translation>La programmer quand même (saisie a posteriori) ?</translation>
    </message>
    <message>
        <source>Line or catheter still in</source>
        <translation>Cathéter ou sonde encore en place</translation>
    </message>
    <message>
        <source>A child's fluid above their weight's</source>
        <translation>Apports d’un enfant au-dessus de ceux de son poids</translation>
    </message>
    <message>
        <source>Why is it meant? (kept in the record)</source>
        <translation>Pourquoi est-ce voulu ? (conservé dans le dossier)</translation>
    </message>
    <message>
        <source>Once moved, this laptop's lists for its ward no longer ask any of it; if ward {ward} keeps its records on another laptop, that laptop knows none of it until the stick made for it is imported there. Save, having seen to it or told ward {ward}'s nurse?</source>
        <translation>Une fois le patient muté, les listes de ce portable pour son service n’en demandent plus rien ; si le service {ward} tient ses dossiers sur un autre portable, celui-ci n’en sait rien tant que la clé faite pour lui n’y est pas importée. Enregistrer, après vous en être occupé ou l’avoir dit à l’infirmier(ère) du service {ward} ?</translation>
    </message>
    <message>
        <source>Still asked of this patient</source>
        <translation>Encore demandé pour ce patient</translation>
    </message>
    <message>
        <source>Discharge the patient with it in, on purpose (a catheter or a line they go home with)?</source>
        <translation>Faire sortir le patient avec, volontairement (une sonde ou un cathéter avec lequel il rentre) ?</translation>
    </message>
    <message>
        <source>Ward on another laptop?</source>
        <translation>Service sur un autre portable ?</translation>
    </message>
    <message>
        <source>If ward {ward} keeps its records on another laptop, make its stick now (Export for back-entry ▸ For a patient moved to another ward) and send it with the patient: until it is imported there, that laptop has none of this patient's allergies, orders or resuscitation decision.

Make the stick now?</source>
        <translation>Si le service {ward} tient ses dossiers sur un autre portable, faites sa clé maintenant (Exporter pour la ressaisie… ▸ Pour un patient transféré dans un autre service) et envoyez-la avec le patient : tant qu’elle n’y est pas importée, ce portable n’a aucune des allergies, prescriptions ni la décision de réanimation de ce patient.

Faire la clé maintenant ?</translation>
    </message>
    <message>
        <source>Samples sent and blood ordered or given this stay are labelled {name}, {born}, {number}: tell the blood bank and the laboratory of the new identity now. Start no unit labelled so until the blood bank has re-labelled it or a new sample has been sent.</source>
        <translation>Les prélèvements envoyés et le sang commandé ou transfusé pendant ce séjour sont étiquetés {name}, {born}, {number} : prévenez dès maintenant l’EFS et le laboratoire de la nouvelle identité. Ne posez aucun produit étiqueté ainsi avant que l’EFS ne l’ait ré-étiqueté ou qu’un nouveau prélèvement n’ait été envoyé.</translation>
    </message>
    <message>
        <source>Samples sent this stay are labelled {name}, {born}, {number}: tell the laboratory of the new identity now: results will come back under {name}.</source>
        <translation>Les prélèvements envoyés pendant ce séjour sont étiquetés {name}, {born}, {number} : prévenez dès maintenant le laboratoire de la nouvelle identité : les résultats reviendront au nom de {name}.</translation>
    </message>
    <message>
        <source>{number} and this patient are one person under two downtime numbers. Keep one chart from now on: with the doctor, choose the number to carry on under, write on its chart what the other holds (doses given, observations, samples sent) and record nothing more on the other. The records office joins the two numbers at back-entry.</source>
        <translation>{number} et ce patient sont une seule personne sous deux numéros de procédure dégradée. Ne tenez plus qu’un dossier : avec le médecin, choisissez le numéro sous lequel continuer, reportez sur son dossier ce que contient l’autre (doses administrées, surveillances, prélèvements envoyés) et n’enregistrez plus rien sur l’autre. Le bureau des entrées réunit les deux numéros lors de la ressaisie.</translation>
    </message>
    <message>
        <source>The patient is on ward {ward}. If it keeps its records on another laptop, that laptop has their admission as it was before this change (their identity, allergies or resuscitation decision) until a stick made now is imported there: make it (Export for back-entry ▸ For a patient moved to another ward) and send it to ward {ward}.

Make the stick now?</source>
        <translation>Le patient est dans le service {ward}. Si ce service tient ses dossiers sur un autre portable, celui-ci garde l’admission telle qu’elle était avant cette modification (identité, allergies ou décision de réanimation) jusqu’à ce qu’une clé faite maintenant y soit importée : faites-la (Exporter pour la ressaisie… ▸ Pour un patient transféré dans un autre service) et envoyez-la au service {ward}.

Faire la clé maintenant ?</translation>
    </message>
    <message>
        <source>Entered in error</source>
        <translation>Saisie par erreur</translation>
    </message>
    <message>
        <source>Why was this record entered in error? (e.g. wrong patient)</source>
        <translation>Pourquoi cette saisie est-elle erronée ? (ex. : mauvais patient)</translation>
    </message>
    <message>
        <source>Not marked</source>
        <translation>Non marqué</translation>
    </message>
    <message>
        <source>Controlled drug: witness</source>
        <translation>Stupéfiant : témoin</translation>
    </message>
    <message>
        <source>{quantity} {unit} of {drug} goes back to the ward's controlled-drug register. Witness staff ID:</source>
        <translation>{quantity} {unit} de {drug} reviennent au registre des stupéfiants du service. Identifiant du témoin :</translation>
    </message>
    <message>
        <source>Witness PIN:</source>
        <translation>Code du témoin :</translation>
    </message>
    <message>
        <source>ON HOLD: another laptop wrote this record otherwise from version {version} ({versions}). Check with the ward that wrote the other before acting on it; the records office settles which is right. History shows both.</source>
        <translation>EN ATTENTE : un autre portable a écrit cette fiche autrement à partir de la version {version} ({versions}). Vérifiez auprès du service qui a écrit l’autre avant d’agir ; le bureau des entrées tranche laquelle est juste. L’historique montre les deux.</translation>
    </message>
    <message>
        <source>v{version} by {author} at {time}, {where}</source>
        <translation>v{version} par {author} le {time}, {where}</translation>
    </message>
    <message>
        <source>this laptop</source>
        <translation>ce portable</translation>
    </message>
    <message>
        <source> — changed: </source>
        <translation> — modifié : </translation>
    </message>
    <message>
        <source>Set aside, another laptop's: </source>
        <translation>Mise de côté, d’un autre portable : </translation>
    </message>
    <message>
        <source>v{version} {status} {time} by {author}</source>
        <translation>v{version} {status} {time} par {author}</translation>
    </message>
    <message>
        <source> — reason: {reason}</source>
        <translation> — motif : {reason}</translation>
    </message>
    <message>
        <source>Hold settled {time} by {author}: {what}</source>
        <translation>Mise en attente levée le {time} par {author} : {what}</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>{session} — ended</source>
        <translation>{session} — terminée</translation>
    </message>
    <message>
        <source>Theatre {theatre} — {specialty} — from {start} to {end}</source>
        <translation>Salle {theatre} — {specialty} — du {start} au {end}</translation>
    </message>
    <message>
        <source>The patient's wristband no longer reads true:
{lines}</source>
        <translation>Le bracelet du patient ne dit plus vrai :
{lines}</translation>
    </message>
    <message>
        <source>The ID labels printed on {when} still read what was: destroy every one left, in the patient's folder and at the nurses' station.</source>
        <translation>Les étiquettes d’identification imprimées le {when} portent encore l’ancienne mention : détruisez toutes celles qui restent, dans le dossier du patient et au poste de soins.</translation>
    </message>
    <message>
        <source>Any ID labels printed for the patient still read what was: destroy every one left, in the patient's folder and at the nurses' station.</source>
        <translation>Les étiquettes d’identification imprimées pour le patient portent encore l’ancienne mention : détruisez toutes celles qui restent, dans le dossier du patient et au poste de soins.</translation>
    </message>
    <message>
        <source>Print a new wristband and a new sheet of ID labels now? Put the band on the patient and remove the old one.</source>
        <translation>Imprimer maintenant un nouveau bracelet et une nouvelle planche d’étiquettes d’identification ? Posez le bracelet au patient et retirez l’ancien.</translation>
    </message>
    <message>
        <source>Print a new wristband now? Put it on the patient and remove the old one.</source>
        <translation>Imprimer un nouveau bracelet maintenant ? Posez-le au patient et retirez l’ancien.</translation>
    </message>
    <message>
        <source>Wristband withdrawn</source>
        <translation>Bracelet retiré</translation>
    </message>
    <message>
        <source>{number} now names no admission: take its wristband off the patient and destroy every ID label printed for it, in the patient's folder and at the nurses' station. A patient in hospital under another number wears that number's band.</source>
        <translation>{number} ne désigne plus aucune admission : retirer son bracelet au patient et détruire toutes les étiquettes imprimées à ce numéro, dans le dossier du patient et au poste de soins. Un patient hospitalisé sous un autre numéro porte le bracelet de ce numéro.</translation>
    </message>
    <message>
        <source>Dose to check</source>
        <translation>Dose à vérifier</translation>
    </message>
    <message>
        <source>Patient on another ward</source>
        <translation>Patient dans un autre service</translation>
    </message>
    <message>
        <source>Against the VTE decision</source>
        <translation>Contre la décision thromboembolique</translation>
    </message>
    <message>
        <source>Known here already</source>
        <translation>Déjà connu ici</translation>
    </message>
    <message>
        <source>If it is them, do not save: readmit them (Record for selected patient ▸ Readmission). Save as another patient?</source>
        <translation>Si c’est bien lui ou elle, n’enregistrez pas : réadmettez-le ou la (Saisir pour le patient sélectionné ▸ Réadmission). Enregistrer comme un autre patient ?</translation>
    </message>
    <message>
        <source>Is it the same person?</source>
        <translation>Est-ce la même personne ?</translation>
    </message>
    <message>
        <source>Allergies recorded before</source>
        <translation>Allergies notées auparavant</translation>
    </message>
    <message>
        <source>Copy onto this admission the allergies recorded at their earlier stay: {allergies}?</source>
        <translation>Reporter sur cette admission les allergies notées lors de son séjour précédent : {allergies} ?</translation>
    </message>
    <message>
        <source>Rate to check</source>
        <translation>Débit à vérifier</translation>
    </message>
    <message>
        <source>Why is this rate prescribed? (kept in the order)</source>
        <translation>Pourquoi ce débit est-il prescrit ? (conservé dans la prescription)</translation>
    </message>
    <message>
        <source>Comfort care with no DNACPR recorded</source>
        <translation>Soins de confort sans décision de non-RCP enregistrée</translation>
    </message>
    <message>
        <source>NG tube position not confirmed</source>
        <translation>Position de la SNG non vérifiée</translation>
    </message>
    <message>
        <source>Chart this volume of feed all the same (it went in)?</source>
        <translation>Noter malgré tout ce volume d’alimentation (il a été administré) ?</translation>
    </message>
    <message>
        <source>Why does CPR stand, or where is the DNACPR decision written? (kept in the record)</source>
        <translation>Pourquoi la RCP reste-t-elle indiquée, ou où la décision de non-RCP est-elle écrite ? (conservé dans le dossier)</translation>
    </message>
    <message>
        <source>Check the call's time</source>
        <translation>Vérifier l’heure de l’appel</translation>
    </message>
    <message>
        <source>Save with this time?</source>
        <translation>Enregistrer avec cette heure ?</translation>
    </message>
    <message>
        <source>Check the laboratory's flag</source>
        <translation>Vérifier le signalement du laboratoire</translation>
    </message>
    <message>
        <source>Did the laboratory flag it Normal?</source>
        <translation>Le laboratoire l’a-t-il signalé Normal ?</translation>
    </message>
    <message>
        <source>It stays under Left the ward until its stop is charted. Save?</source>
        <translation>Cela reste sous Sortis du service jusqu’à ce que son arrêt soit noté. Enregistrer ?</translation>
    </message>
    <message>
        <source>Once they have left, Left the ward keeps only their results no doctor is told of (an abnormal one from before they left, for a day only), reactions to blood not told, bags never charted stopped and telephone orders to countersign; the rest is not asked again. Save, having seen to it or told the team taking over?</source>
        <translation>Une fois le patient parti, « Sortis du service » ne garde que ses résultats qu’aucun médecin ne connaît (un résultat anormal reçu avant son départ, pendant un jour seulement), les réactions transfusionnelles non déclarées, les poches dont l’arrêt n’est pas noté et les prescriptions téléphoniques à contresigner ; le reste ne sera plus demandé. Enregistrer, après s’en être occupé ou l’avoir transmis à l’équipe suivante ?</translation>
    </message>
    <message>
        <source>The same person?</source>
        <translation>La même personne ?</translation>
    </message>
    <message>
        <source>Book it all the same (two different people)?</source>
        <translation>Programmer quand même (deux personnes différentes) ?</translation>
    </message>
</context>
<context>
    <name>GlucoseView</name>
    <message>
        <source>Glucose — {name}</source>
        <translation>Glycémies — {name}</translation>
    </message>
    <message>
        <source>Latest blood glucose</source>
        <translation>Dernière glycémie</translation>
    </message>
    <message>
        <source>Blood glucose readings</source>
        <translation>Glycémies capillaires</translation>
    </message>
    <message>
        <source>Record a r&amp;eading</source>
        <translation>Saisir une &amp;glycémie</translation>
    </message>
    <message>
        <source>&amp;Print the glucose chart</source>
        <translation>&amp;Imprimer la feuille glycémique</translation>
    </message>
    <message>
        <source>No blood glucose recorded yet</source>
        <translation>Aucune glycémie enregistrée</translation>
    </message>
    <message>
        <source>Latest: {reading} at {time}</source>
        <translation>Dernière : {reading} à {time}</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>exports or a merge of exports</source>
        <translation>des exports ou une fusion d’exports</translation>
    </message>
    <message>
        <source>a snapshot</source>
        <translation>un instantané</translation>
    </message>
    <message>
        <source>A laptop's encrypted export: choose the records office's key file below to read it; its records will be added to this database.</source>
        <translation>L’export chiffré d’un portable : choisir ci-dessous le fichier de clé du bureau des entrées pour le lire ; ses enregistrements seront ajoutés à cette base.</translation>
    </message>
    <message>
        <source>A laptop's export or a merge: its records will be added to this database.</source>
        <translation>L’export d’un portable ou une fusion : ses enregistrements seront ajoutés à cette base.</translation>
    </message>
    <message>
        <source>A CSV snapshot: patients, beds, allergies, orders and theatre bookings will be loaded.</source>
        <translation>Un instantané CSV : patients, lits, allergies, prescriptions et programmes opératoires seront chargés.</translation>
    </message>
    <message>
        <source>A FHIR Bundle snapshot: its patients, stays, allergies, orders and appointments will be loaded.</source>
        <translation>Un instantané FHIR (Bundle) : ses patients, séjours, allergies, prescriptions et rendez-vous seront chargés.</translation>
    </message>
    <message>
        <source>What to import</source>
        <translation>Quoi importer</translation>
    </message>
    <message>
        <source>A snapshot of the hospital's last known state (a folder of CSV files or a FHIR Bundle), or laptops' exports for the records office.</source>
        <translation>Un instantané du dernier état connu de l’hôpital (un dossier de fichiers CSV ou un Bundle FHIR), ou les exports des portables pour le bureau des entrées.</translation>
    </message>
    <message>
        <source>Folder or file to import</source>
        <translation>Dossier ou fichier à importer</translation>
    </message>
    <message>
        <source>Choose &amp;folder…</source>
        <translation>Choisir un &amp;dossier…</translation>
    </message>
    <message>
        <source>Choose &amp;file…</source>
        <translation>Choisir un &amp;fichier…</translation>
    </message>
    <message>
        <source>The records office's key file</source>
        <translation>Le fichier de clé du bureau des entrées</translation>
    </message>
    <message>
        <source>Choose &amp;key file…</source>
        <translation>Choisir le fichier de &amp;clé…</translation>
    </message>
    <message>
        <source>Folder to import</source>
        <translation>Dossier à importer</translation>
    </message>
    <message>
        <source>FHIR Bundle to import</source>
        <translation>Bundle FHIR à importer</translation>
    </message>
    <message>
        <source>FHIR Bundle (*.json)</source>
        <translation>Bundle FHIR (*.json)</translation>
    </message>
    <message>
        <source>Key file (*.key *.txt);;Any file (*)</source>
        <translation>Fichier de clé (*.key *.txt);;Tout fichier (*)</translation>
    </message>
    <message>
        <source>Not something Downtime can import.</source>
        <translation>Downtime ne sait pas importer ceci.</translation>
    </message>
    <message>
        <source>Importing</source>
        <translation>Importation</translation>
    </message>
    <message>
        <source>Import progress</source>
        <translation>Avancement de l’import</translation>
    </message>
    <message>
        <source>&amp;Import both laptops' patients</source>
        <translation>&amp;Importer les patients des deux portables</translation>
    </message>
    <message>
        <source>Reading {path}…</source>
        <translation>Lecture de {path}…</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>Rien n’a été importé.</translation>
    </message>
    <message>
        <source>Imported {what}: {added}; {unchanged} already here and unchanged.</source>
        <translation>Importé {what} : {added} ; {unchanged} déjà présent(s) et inchangé(s).</translation>
    </message>
    <message>
        <source>nothing new</source>
        <translation>rien de nouveau</translation>
    </message>
    <message>
        <source>Take both laptops' patients: laptop {first} and laptop {second}</source>
        <translation>Prendre les patients des deux portables : portable {first} et portable {second}</translation>
    </message>
    <message>
        <source>Import data</source>
        <translation>Importer des données</translation>
    </message>
    <message>
        <source>&amp;Print the new wristbands</source>
        <translation>&amp;Imprimer les nouveaux bracelets</translation>
    </message>
    <message>
        <source>A laptop's encrypted export: this laptop reads it with its wards' key if it was made for another ward; its records will be added to this database.</source>
        <translation>L’export chiffré d’un portable : ce portable le lit avec sa clé des services s’il a été fait pour un autre service ; ses dossiers seront ajoutés à cette base.</translation>
    </message>
</context>
<context>
    <name>InfusionCheckDialog</name>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <source>Check the infusion</source>
        <translation>Surveiller la perfusion</translation>
    </message>
    <message>
        <source>Not scored (subcutaneous)</source>
        <translation>Non coté (sous-cutané)</translation>
    </message>
    <message>
        <source>&amp;Save the check (Ctrl+S)</source>
        <translation>&amp;Enregistrer la surveillance (Ctrl+S)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Bag or syringe put up {time}: {running}</source>
        <translation>Poche ou seringue posée le {time} : {running}</translation>
    </message>
    <message>
        <source>Expected left: not known until a first check gives the volume in the syringe</source>
        <translation>Restant attendu : inconnu tant qu’une première surveillance n’a pas donné le volume de la seringue</translation>
    </message>
    <message>
        <source>Expected left at {time}: {volume} mL</source>
        <translation>Restant attendu à {time} : {volume} mL</translation>
    </message>
    <message>
        <source>rate set {rate} mL/h</source>
        <translation>débit réglé {rate} mL/h</translation>
    </message>
    <message>
        <source>Time checked: write it as DD/MM/YYYY HH:MM.</source>
        <translation>Heure de la surveillance : l’écrire JJ/MM/AAAA HH:MM.</translation>
    </message>
    <message>
        <source>{field}: write it as a number.</source>
        <translation>{field} : l’écrire en chiffres.</translation>
    </message>
    <message>
        <source>Tell the prescriber</source>
        <translation>Prévenir le prescripteur</translation>
    </message>
    <message>
        <source>Infusion checked</source>
        <translation>Perfusion surveillée</translation>
    </message>
</context>
<context>
    <name>LabResultsView</name>
    <message>
        <source>read back</source>
        <translation>relu</translation>
    </message>
    <message>
        <source>Results — {name}</source>
        <translation>Résultats — {name}</translation>
    </message>
    <message>
        <source>Laboratory results</source>
        <translation>Résultats de laboratoire</translation>
    </message>
    <message>
        <source>Samples sent</source>
        <translation>Prélèvements envoyés</translation>
    </message>
    <message>
        <source>Results received</source>
        <translation>Résultats reçus</translation>
    </message>
    <message>
        <source>Laboratory results received</source>
        <translation>Résultats de laboratoire reçus</translation>
    </message>
    <message>
        <source>Record a res&amp;ult received</source>
        <translation>&amp;Enregistrer un résultat reçu</translation>
    </message>
    <message>
        <source>&amp;Print the results log</source>
        <translation>&amp;Imprimer le registre des résultats</translation>
    </message>
    <message>
        <source>&amp;Doctor told…</source>
        <translation>&amp;Médecin prévenu…</translation>
    </message>
    <message>
        <source>Record a sample sen&amp;t</source>
        <translation>&amp;Noter un prélèvement envoyé</translation>
    </message>
    <message>
        <source>No laboratory result recorded</source>
        <translation>Aucun résultat de laboratoire enregistré</translation>
    </message>
    <message>
        <source>Latest: {result}</source>
        <translation>Dernier : {result}</translation>
    </message>
    <message>
        <source>Doctor told</source>
        <translation>Médecin prévenu</translation>
    </message>
    <message>
        <source>Choose the result in the list first.</source>
        <translation>Choisir d’abord le résultat dans la liste.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Records not exported</source>
        <translation>Enregistrements non exportés</translation>
    </message>
    <message>
        <source>Readmission — {name}</source>
        <translation>Réadmission — {name}</translation>
    </message>
    <message>
        <source>{name} ({number}) is in hospital: a readmission is for a patient back after a discharge or a transfer to another hospital. To move them, record a transfer.</source>
        <translation>{name} ({number}) est hospitalisé(e) : une réadmission concerne un patient revenu après une sortie ou un transfert vers un autre établissement. Pour le changer de lit ou de service, saisissez une mutation.</translation>
    </message>
    <message>
        <source>Readmission</source>
        <translation>Réadmission</translation>
    </message>
    <message>
        <source>Readmission (back after leaving)…</source>
        <translation>Réadmission (retour après une sortie)…</translation>
    </message>
    <message>
        <source>A VTE risk assessment is made and saved by a doctor: ask the doctor to assess this patient.</source>
        <translation>L’évaluation du risque thromboembolique veineux est faite et enregistrée par un médecin : demander au médecin d’évaluer ce patient.</translation>
    </message>
    <message>
        <source>VTE risk assessment</source>
        <translation>Évaluation du risque thromboembolique veineux</translation>
    </message>
    <message>
        <source>&amp;New admission</source>
        <translation>&amp;Nouvelle admission</translation>
    </message>
    <message>
        <source>&amp;Open admission record</source>
        <translation>&amp;Ouvrir la fiche d’admission</translation>
    </message>
    <message>
        <source>&amp;Find patient</source>
        <translation>&amp;Chercher un patient</translation>
    </message>
    <message>
        <source>&amp;Medication round</source>
        <translation>&amp;Tour des médicaments</translation>
    </message>
    <message>
        <source>Medication &amp;chart (MAR)</source>
        <translation>&amp;Plan d’administration</translation>
    </message>
    <message>
        <source>Obser&amp;vations and NEWS2</source>
        <translation>Surveillance et NEWS&amp;2</translation>
    </message>
    <message>
        <source>Controlled-&amp;drug register</source>
        <translation>Registre des &amp;stupéfiants</translation>
    </message>
    <message>
        <source>Patient's &amp;records (to amend or withdraw)</source>
        <translation>Enregistrements du patient (&amp;modifier ou annuler)</translation>
    </message>
    <message>
        <source>Print &amp;blank admission form</source>
        <translation>Imprimer une fiche d’admission &amp;vierge</translation>
    </message>
    <message>
        <source>Print ward &amp;census</source>
        <translation>Imprimer l’&amp;état du service</translation>
    </message>
    <message>
        <source>Print ID &amp;labels</source>
        <translation>Imprimer les étiq&amp;uettes</translation>
    </message>
    <message>
        <source>Print the downtime &amp;binder (blank forms for 8 hours)</source>
        <translation>Imprimer le classeu&amp;r de procédure dégradée (formulaires vierges pour 8 heures)</translation>
    </message>
    <message>
        <source>&amp;Import data…</source>
        <translation>&amp;Importer des données…</translation>
    </message>
    <message>
        <source>&amp;Export for back-entry…</source>
        <translation>&amp;Exporter pour la ressaisie…</translation>
    </message>
    <message>
        <source>&amp;Close form</source>
        <translation>&amp;Fermer le formulaire</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>&amp;Déconnexion</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>Downtime — {device}</source>
        <translation>Downtime — {device}</translation>
    </message>
    <message>
        <source>Patients</source>
        <translation>Patients</translation>
    </message>
    <message>
        <source>Medication round</source>
        <translation>Tour des médicaments</translation>
    </message>
    <message>
        <source>New admission</source>
        <translation>Nouvelle admission</translation>
    </message>
    <message>
        <source>Admission record</source>
        <translation>Fiche d’admission</translation>
    </message>
    <message>
        <source>MAR</source>
        <translation>Plan d’administration</translation>
    </message>
    <message>
        <source>Observations</source>
        <translation>Surveillance</translation>
    </message>
    <message>
        <source>Paediatric obs (P&amp;EWS)</source>
        <translation>Surveillance pédiatrique (P&amp;EWS)</translation>
    </message>
    <message>
        <source>Fl&amp;uid balance chart</source>
        <translation>&amp;Bilan entrées-sorties</translation>
    </message>
    <message>
        <source>Neuro obs (&amp;GCS)</source>
        <translation>Surveillance neurolo&amp;gique (Glasgow)</translation>
    </message>
    <message>
        <source>Blood glucose c&amp;hart</source>
        <translation>Gl&amp;ycémies capillaires</translation>
    </message>
    <message>
        <source>Re&amp;positioning and skin</source>
        <translation>Changements de &amp;position et peau</translation>
    </message>
    <message>
        <source>Wounds and dressin&amp;gs</source>
        <translation>Plaies et panse&amp;ments</translation>
    </message>
    <message>
        <source>Lines and catheter&amp;s</source>
        <translation>Cathéters et &amp;sondes</translation>
    </message>
    <message>
        <source>Pa&amp;in assessment</source>
        <translation>Év&amp;aluation de la douleur</translation>
    </message>
    <message>
        <source>Bo&amp;wel chart</source>
        <translation>Surveillance des se&amp;lles</translation>
    </message>
    <message>
        <source>Blood trans&amp;fusion</source>
        <translation>Trans&amp;fusion sanguine</translation>
    </message>
    <message>
        <source>L&amp;aboratory results</source>
        <translation>Résultats de l&amp;aboratoire</translation>
    </message>
    <message>
        <source>&amp;Telephone orders to countersign…</source>
        <translation>Prescriptions &amp;téléphoniques à contresigner…</translation>
    </message>
    <message>
        <source>Census</source>
        <translation>État du service</translation>
    </message>
    <message>
        <source>ID labels</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <source>Print &amp;wristband</source>
        <translation>Imprimer le brace&amp;let</translation>
    </message>
    <message>
        <source>Print re&amp;served numbers for paper admissions…</source>
        <translation>Imprimer des numéros ré&amp;servés pour admissions sur papier…</translation>
    </message>
    <message>
        <source>Change my &amp;PIN…</source>
        <translation>Ch&amp;anger mon code…</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Déconnexion</translation>
    </message>
    <message>
        <source>Controlled drugs</source>
        <translation>Stupéfiants</translation>
    </message>
    <message>
        <source>Theatre</source>
        <translation>Bloc</translation>
    </message>
    <message>
        <source>Escalation</source>
        <translation>Alertes</translation>
    </message>
    <message>
        <source>Administration</source>
        <translation>Administration</translation>
    </message>
    <message>
        <source>Back-entry</source>
        <translation>Ressaisie</translation>
    </message>
    <message>
        <source>{count} tab(s) about a patient whose admission was withdrawn closed.</source>
        <translation>{count} onglet(s) concernant un patient dont l’admission a été annulée (saisie par erreur) fermé(s).</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Principal</translation>
    </message>
    <message>
        <source>&amp;Ward</source>
        <translation>&amp;Service</translation>
    </message>
    <message>
        <source>&amp;Record for selected patient</source>
        <translation>Saisir pour le patien&amp;t sélectionné</translation>
    </message>
    <message>
        <source>New {form}</source>
        <translation>Nouveau : {form}</translation>
    </message>
    <message>
        <source>Record for patient</source>
        <translation>Saisir pour le patient</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Larger text</source>
        <translation>Texte plus &amp;grand</translation>
    </message>
    <message>
        <source>&amp;Smaller text</source>
        <translation>Texte plus &amp;petit</translation>
    </message>
    <message>
        <source>&amp;High contrast</source>
        <translation>&amp;Contraste élevé</translation>
    </message>
    <message>
        <source>Lan&amp;guage</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ai&amp;de</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <source>Your PIN is changed: sign in with the new one from now on.</source>
        <translation>Votre code est changé : connectez-vous désormais avec le nouveau.</translation>
    </message>
    <message>
        <source>Making the last backup before closing…</source>
        <translation>Dernière sauvegarde avant fermeture…</translation>
    </message>
    <message>
        <source>Last backup failed</source>
        <translation>Échec de la dernière sauvegarde</translation>
    </message>
    <message>
        <source>The backup made on closing failed: {problem}

What was recorded is kept on this laptop. Put the USB stick right, then open the app and close it again to back it up.</source>
        <translation>La sauvegarde faite à la fermeture a échoué : {problem}

Ce qui a été saisi reste sur ce portable. Remettez la clé USB en état, puis ouvrez l’application et refermez-la pour la sauvegarder.</translation>
    </message>
    <message>
        <source>Admission not saved yet</source>
        <translation>Admission pas encore enregistrée</translation>
    </message>
    <message>
        <source>Save this admission first (Ctrl+S): until then the patient on screen has no downtime number.</source>
        <translation>Enregistrez d’abord cette admission (Ctrl+S) : jusque-là, le patient à l’écran n’a pas de numéro de procédure dégradée.</translation>
    </message>
    <message>
        <source>No patient on this tab</source>
        <translation>Pas de patient dans cet onglet</translation>
    </message>
    <message>
        <source>Choose the patient in this list first, then do it again: the action was for the patient on screen, and that tab has none.</source>
        <translation>Choisissez d’abord le patient dans cette liste, puis recommencez : l’action portait sur le patient à l’écran, et cet onglet n’en a pas.</translation>
    </message>
    <message>
        <source>No patient selected</source>
        <translation>Aucun patient sélectionné</translation>
    </message>
    <message>
        <source>Select a patient in the list first.</source>
        <translation>Sélectionnez d’abord un patient dans la liste.</translation>
    </message>
    <message>
        <source>{name} ({number}), set taken {time}: {score}</source>
        <translation>{name} ({number}), relevé du {time} : {score}</translation>
    </message>
    <message>
        <source>Doctor told of the result</source>
        <translation>Médecin prévenu du résultat</translation>
    </message>
    <message>
        <source>Reserve this laptop's next {count} downtime numbers for patients admitted on paper while it is away, and print them as labels for the binder?</source>
        <translation>Réserver les {count} prochains numéros de procédure dégradée de ce portable pour les patients admis sur papier en son absence, et les imprimer en étiquettes pour le classeur ?</translation>
    </message>
    <message>
        <source>Reserved earlier and given to no patient yet ({count}): {numbers}. Find those labels first.</source>
        <translation>Réservés auparavant et encore attribués à aucun patient ({count}) : {numbers}. Retrouvez d’abord ces étiquettes.</translation>
    </message>
    <message>
        <source>Numbers for paper admissions</source>
        <translation>Numéros pour admissions sur papier</translation>
    </message>
    <message>
        <source>Unsaved forms</source>
        <translation>Formulaires non enregistrés</translation>
    </message>
    <message>
        <source> — its dose has been recorded since</source>
        <translation> — sa dose a été enregistrée depuis</translation>
    </message>
    <message>
        <source>Reopen them?</source>
        <translation>Les rouvrir ?</translation>
    </message>
    <message>
        <source>You have {count} unsaved form(s) or dose(s) from earlier, not recorded. Reopen them?</source>
        <translation>Vous avez {count} formulaire(s) ou dose(s) non enregistré(s) d’une session précédente, non tracé(s). Les rouvrir ?</translation>
    </message>
    <message>
        <source>You have {recorded} dose draft(s) from earlier whose dose has been recorded since (by you or someone else). Reopen them to check and discard them?</source>
        <translation>Vous avez {recorded} brouillon(s) de dose d’avant dont la dose a été tracée depuis (par vous ou par quelqu’un d’autre). Les rouvrir pour vérifier et les abandonner ?</translation>
    </message>
    <message>
        <source>You have {count} unsaved form(s) or dose(s) from earlier, not recorded, and {recorded} dose draft(s) whose dose has been recorded since (by you or someone else), to check and discard. Reopen them?</source>
        <translation>Vous avez {count} formulaire(s) ou dose(s) d’avant non enregistré(s), et {recorded} brouillon(s) de dose dont la dose a été tracée depuis (par vous ou par quelqu’un d’autre), à vérifier et abandonner. Les rouvrir ?</translation>
    </message>
    <message>
        <source>Close form</source>
        <translation>Fermer le formulaire</translation>
    </message>
    <message>
        <source>This form is not saved. Close it? (It stays as a draft you can reopen.)</source>
        <translation>Ce formulaire n’est pas enregistré. Le fermer ? (Il reste en brouillon, à rouvrir plus tard.)</translation>
    </message>
    <message>
        <source>Forms not saved</source>
        <translation>Formulaires non enregistrés</translation>
    </message>
    <message>
        <source>Not saved:
{forms}

They stay your drafts, which no one else sees until you sign in again. Leave all the same? (No goes back to the form, to save it.)</source>
        <translation>Non enregistrés :
{forms}

Ils restent vos brouillons, que personne d’autre ne voit avant votre prochaine connexion. Partir quand même ? (Non ramène au formulaire, pour l’enregistrer.)</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Session fermée</translation>
    </message>
    <message>
        <source>Locked after {minutes} idle minutes — {name} was signed in</source>
        <translation>Verrouillé après {minutes} minutes d’inactivité — {name} était connecté(e)</translation>
    </message>
    <message>
        <source>A sepsis screening is made by a nurse or a doctor: tell the nurse looking after this patient now.</source>
        <translation>Un dépistage du sepsis est fait par un infirmier ou un médecin : prévenez dès maintenant l’infirmier qui s’occupe de ce patient.</translation>
    </message>
    <message>
        <source>Removed the plain text an interrupted encrypted import left beside the database: {folders}</source>
        <translation>Texte en clair laissé à côté de la base de données par une importation chiffrée interrompue supprimé : {folders}</translation>
    </message>
    <message>
        <source>{said} will not reach the records office unless exported again: leave all the same?</source>
        <translation>{said} n’arriveront au bureau des entrées que par un nouvel export : partir quand même ?</translation>
    </message>
</context>
<context>
    <name>MarModel</name>
    <message>
        <source>{medicine}, {day} {time}: {cell}</source>
        <translation>{medicine}, {day} {time} : {cell}</translation>
    </message>
    <message>
        <source>{mark} {time} given over a warning — {overrides}</source>
        <translation>{mark} {time} administrée malgré une alerte — {overrides}</translation>
    </message>
    <message>
        <source>{mark} {time} not given, recorded over a warning — {overrides}</source>
        <translation>{mark} {time} non administrée, tracée malgré une alerte — {overrides}</translation>
    </message>
    <message>
        <source>{time} given, typed {typed}</source>
        <translation>donnée à {time}, saisie à {typed}</translation>
    </message>
    <message>
        <source>{time} from the paper chart: {reference}</source>
        <translation>{time} retranscrit du plan d’administration papier : {reference}</translation>
    </message>
</context>
<context>
    <name>MarView</name>
    <message>
        <source>MAR — {name}</source>
        <translation>Plan d’administration — {name}</translation>
    </message>
    <message>
        <source>Orders of an earlier stay: not to be given</source>
        <translation>Prescriptions d’un séjour antérieur : à ne pas donner</translation>
    </message>
    <message>
        <source>Medication administration record</source>
        <translation>Plan d’administration des médicaments</translation>
    </message>
    <message>
        <source>Record a &amp;dose for the selected order</source>
        <translation>&amp;Enregistrer une administration pour la prescription sélectionnée</translation>
    </message>
    <message>
        <source>Chec&amp;k the infusion…</source>
        <translation>Sur&amp;veiller la perfusion…</translation>
    </message>
    <message>
        <source>Open the &amp;order</source>
        <translation>Ouvrir la p&amp;rescription</translation>
    </message>
    <message>
        <source>Countersi&amp;gn the telephone order…</source>
        <translation>Contresi&amp;gner la prescription téléphonique…</translation>
    </message>
    <message>
        <source>Open the dose&amp;s of the cell</source>
        <translation>Ouvrir les administrations de la &amp;case</translation>
    </message>
    <message>
        <source>E&amp;nter doses from the paper chart…</source>
        <translation>Saisir les doses du plan d’administration &amp;papier…</translation>
    </message>
    <message>
        <source>&amp;Print this MAR (3 days)</source>
        <translation>&amp;Imprimer ce plan (3 jours)</translation>
    </message>
    <message>
        <source>Prescribe again…</source>
        <translation>Prescrire à nouveau…</translation>
    </message>
    <message>
        <source>Not continued…</source>
        <translation>Non poursuivie…</translation>
    </message>
    <message>
        <source>Not prescribed again</source>
        <translation>Non prescrite à nouveau</translation>
    </message>
    <message>
        <source>Not continued</source>
        <translation>Non poursuivie</translation>
    </message>
    <message>
        <source>{order} will read as stopped at the end of the stay it was written in, and leave the orders of an earlier stay.
Why it is not continued (optional):</source>
        <translation>{order} sera lue comme arrêtée à la fin du séjour où elle a été prescrite, et quittera les prescriptions d’un séjour antérieur.
Pourquoi elle n’est pas poursuivie (facultatif) :</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>Non enregistré</translation>
    </message>
    <message>
        <source>No telephone order chosen</source>
        <translation>Aucune prescription téléphonique choisie</translation>
    </message>
    <message>
        <source>Choose the row of a telephone order awaiting its countersignature (marked so on the chart) first.</source>
        <translation>Choisissez d’abord la ligne d’une prescription téléphonique en attente de contresignature (signalée sur le plan d’administration).</translation>
    </message>
    <message>
        <source>No cell chosen</source>
        <translation>Aucune case choisie</translation>
    </message>
    <message>
        <source>Choose a day's cell of the chart first.</source>
        <translation>Choisissez d’abord la case d’un jour dans le plan.</translation>
    </message>
    <message>
        <source>No dose in this cell</source>
        <translation>Aucune administration dans cette case</translation>
    </message>
    <message>
        <source>No dose is recorded in this cell.</source>
        <translation>Aucune administration n’est enregistrée dans cette case.</translation>
    </message>
    <message>
        <source>This chart is for reading</source>
        <translation>Ce plan est en lecture seule</translation>
    </message>
    <message>
        <source>Doses are recorded by the nurse or doctor who gives them. To read a cell's doses, choose it and press Open the doses of the cell.</source>
        <translation>Les doses sont tracées par l’infirmier(ère) ou le médecin qui les administre. Pour lire les doses d’une case, choisissez-la et cliquez sur Ouvrir les administrations de la case.</translation>
    </message>
    <message>
        <source>◀ Ear&amp;lier days</source>
        <translation>◀ J&amp;ours précédents</translation>
    </message>
    <message>
        <source>Later da&amp;ys ▶</source>
        <translation>Jours s&amp;uivants ▶</translation>
    </message>
    <message>
        <source>&amp;Back to today</source>
        <translation>Revenir à au&amp;jourd’hui</translation>
    </message>
    <message>
        <source>{said} — orders: {medicine}</source>
        <translation>{said} — prescriptions : {medicine}</translation>
    </message>
    <message>
        <source>Not today's chart</source>
        <translation>Pas le plan du jour</translation>
    </message>
    <message>
        <source>Change the in&amp;fusion rate…</source>
        <translation>Changer le débit de la per&amp;fusion…</translation>
    </message>
    <message>
        <source>No infusion running</source>
        <translation>Aucune perfusion en cours</translation>
    </message>
    <message>
        <source>Choose the row of an infusion whose bag is running: the bag put up is recorded as its dose first.</source>
        <translation>Choisir la ligne d’une perfusion dont la poche est en cours : la poche posée s’enregistre d’abord comme sa dose.</translation>
    </message>
</context>
<context>
    <name>MedicationPanel</name>
    <message>
        <source>Print the ward's MAR &amp;pack</source>
        <translation>Imprimer les &amp;plans d’administration du service</translation>
    </message>
    <message>
        <source>Medication round</source>
        <translation>Tour des médicaments</translation>
    </message>
    <message>
        <source>No ward set up: an administrator adds wards and beds first.</source>
        <translation>Aucun service configuré : un administrateur doit d’abord ajouter services et lits.</translation>
    </message>
    <message>
        <source>{doses} dose(s) to give or record; {overdue} overdue</source>
        <translation>{doses} administration(s) à faire ou à enregistrer ; {overdue} dépassée(s)</translation>
    </message>
    <message>
        <source>; {missed} missed over {hours} h ago, at the end of the list</source>
        <translation> ; {missed} omise(s) depuis plus de {hours} h, en fin de liste</translation>
    </message>
</context>
<context>
    <name>NeuroView</name>
    <message>
        <source>Neuro obs — {name}</source>
        <translation>Surveillance neuro — {name}</translation>
    </message>
    <message>
        <source>Latest Glasgow Coma Scale</source>
        <translation>Dernier score de Glasgow</translation>
    </message>
    <message>
        <source>Neurological observation sets</source>
        <translation>Relevés de surveillance neurologique</translation>
    </message>
    <message>
        <source>Record a &amp;new set</source>
        <translation>Saisir un &amp;nouveau relevé</translation>
    </message>
    <message>
        <source>&amp;Print the neuro chart</source>
        <translation>&amp;Imprimer la feuille neurologique</translation>
    </message>
    <message>
        <source>No neurological observations recorded yet</source>
        <translation>Aucune surveillance neurologique enregistrée</translation>
    </message>
    <message>
        <source>Latest: {gcs} at {time}</source>
        <translation>Dernier : {gcs} à {time}</translation>
    </message>
</context>
<context>
    <name>News2Plot</name>
    <message>
        <source>* incomplete set: can only underestimate the risk</source>
        <translation>* série incomplète : ne peut que sous-estimer le risque</translation>
    </message>
    <message>
        <source>NEWS2 score over time</source>
        <translation>Score NEWS2 dans le temps</translation>
    </message>
    <message>
        <source>No observations recorded</source>
        <translation>Aucune surveillance enregistrée</translation>
    </message>
</context>
<context>
    <name>NotEnteredDialog</name>
    <message>
        <source>Not to be entered in the EHR</source>
        <translation>À ne pas saisir dans le DPI</translation>
    </message>
    <message>
        <source>{what} (version {version})

To do: {to_do}

Only once the ward has answered: the line is then done, not entered, until the record is amended.</source>
        <translation>{what} (version {version})

À faire : {to_do}

Seulement une fois que le service a répondu : la ligne est alors traitée, non saisie, jusqu’à ce que la fiche soit modifiée.</translation>
    </message>
    <message>
        <source>e.g. Sr Dubois, 3B, by phone</source>
        <translation>p. ex. Sr Dubois, 3B, par téléphone</translation>
    </message>
    <message>
        <source>e.g. one dose recorded twice</source>
        <translation>p. ex. une seule dose tracée deux fois</translation>
    </message>
    <message>
        <source>&amp;Who at the ward said so</source>
        <translation>&amp;Qui, dans le service, l’a dit</translation>
    </message>
    <message>
        <source>W&amp;hy it is not to be entered</source>
        <translation>&amp;Pourquoi ne pas la saisir</translation>
    </message>
    <message>
        <source>&amp;Record the ward's answer</source>
        <translation>&amp;Enregistrer la réponse du service</translation>
    </message>
</context>
<context>
    <name>ObservationsView</name>
    <message>
        <source>Score that stands: {score} at {time}</source>
        <translation>Score retenu : {score} à {time}</translation>
    </message>
    <message>
        <source>Observations — {name}</source>
        <translation>Surveillance — {name}</translation>
    </message>
    <message>
        <source>Latest NEWS2 score</source>
        <translation>Dernier score NEWS2</translation>
    </message>
    <message>
        <source>Open the paediatric chart (P&amp;EWS)</source>
        <translation>Ouvrir la feuille pédiatrique (P&amp;EWS)</translation>
    </message>
    <message>
        <source>Delirium screening (4AT)</source>
        <translation>Dépistage de la confusion aiguë (4AT)</translation>
    </message>
    <message>
        <source>Screen for &amp;delirium (4AT)…</source>
        <translation>Dépister une &amp;confusion aiguë (4AT)…</translation>
    </message>
    <message>
        <source>Sepsis screening</source>
        <translation>Dépistage du sepsis</translation>
    </message>
    <message>
        <source>Screen for &amp;sepsis…</source>
        <translation>Dépister un se&amp;psis…</translation>
    </message>
    <message>
        <source>Observation sets</source>
        <translation>Relevés de surveillance</translation>
    </message>
    <message>
        <source>Record a &amp;new set</source>
        <translation>Saisir un &amp;nouveau relevé</translation>
    </message>
    <message>
        <source>&amp;Print NEWS2 chart</source>
        <translation>&amp;Imprimer la feuille NEWS2</translation>
    </message>
    <message>
        <source>No observations recorded yet</source>
        <translation>Aucune surveillance enregistrée pour l’instant</translation>
    </message>
</context>
<context>
    <name>PainView</name>
    <message>
        <source>Pain — {name}</source>
        <translation>Douleur — {name}</translation>
    </message>
    <message>
        <source>Pain</source>
        <translation>Douleur</translation>
    </message>
    <message>
        <source>Pain assessments</source>
        <translation>Évaluations de la douleur</translation>
    </message>
    <message>
        <source>&amp;Assess the pain</source>
        <translation>É&amp;valuer la douleur</translation>
    </message>
    <message>
        <source>&amp;Print the pain chart</source>
        <translation>&amp;Imprimer la feuille de douleur</translation>
    </message>
    <message>
        <source>No pain assessment recorded yet</source>
        <translation>Aucune évaluation de la douleur pour l’instant</translation>
    </message>
    <message>
        <source>Latest: {pain} at {time}</source>
        <translation>Dernière : {pain} à {time}</translation>
    </message>
</context>
<context>
    <name>PaperDosesDialog</name>
    <message>
        <source>Not on paper</source>
        <translation>Pas sur le papier</translation>
    </message>
    <message>
        <source>Given</source>
        <translation>Administré</translation>
    </message>
    <message>
        <source>Not given</source>
        <translation>Non administré</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>N°</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Medicine</source>
        <translation>Médicament</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Prévue</translation>
    </message>
    <message>
        <source>On the paper</source>
        <translation>Sur le papier</translation>
    </message>
    <message>
        <source>Actual time</source>
        <translation>Heure réelle</translation>
    </message>
    <message>
        <source>Dose</source>
        <translation>Dose</translation>
    </message>
    <message>
        <source>Given by</source>
        <translation>Administré par</translation>
    </message>
    <message>
        <source>Witness on paper</source>
        <translation>Témoin sur le papier</translation>
    </message>
    <message>
        <source>Reason not given</source>
        <translation>Motif de non-administration</translation>
    </message>
    <message>
        <source>Enter doses from the paper chart</source>
        <translation>Saisir les doses du plan d’administration papier</translation>
    </message>
    <message>
        <source>Doses due from</source>
        <translation>Doses prévues du</translation>
    </message>
    <message>
        <source>to</source>
        <translation>au</translation>
    </message>
    <message>
        <source>Doses due to</source>
        <translation>Doses prévues jusqu’au</translation>
    </message>
    <message>
        <source>&amp;List them</source>
        <translation>&amp;Lister</translation>
    </message>
    <message>
        <source>Given by, on every row:</source>
        <translation>Administré par, sur chaque ligne :</translation>
    </message>
    <message>
        <source>Given by, on every row</source>
        <translation>Administré par, sur chaque ligne</translation>
    </message>
    <message>
        <source>Say of each dose what the paper chart says; nothing is saved of a row left “Not on paper”. Tab or Enter goes to the next box.</source>
        <translation>Indiquez pour chaque dose ce que dit le plan d’administration papier ; rien n’est enregistré d’une ligne laissée « Pas sur le papier ». Tab ou Entrée passe à la case suivante.</translation>
    </message>
    <message>
        <source>As required, given on paper:</source>
        <translation>Si besoin, administré sur papier :</translation>
    </message>
    <message>
        <source>As-required order</source>
        <translation>Prescription si besoin</translation>
    </message>
    <message>
        <source>&amp;Add a row</source>
        <translation>&amp;Ajouter une ligne</translation>
    </message>
    <message>
        <source>&amp;Save all (Ctrl+S)</source>
        <translation>&amp;Tout enregistrer (Ctrl+S)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>NOT SAVED YET: these rows were typed at {time} and left unsaved. Check them, then save them all, or cancel.</source>
        <translation>PAS ENCORE ENREGISTRÉES : ces lignes ont été saisies le {time} et laissées sans enregistrer. Les vérifier, puis tout enregistrer, ou annuler.</translation>
    </message>
    <message>
        <source>Recorded since, left not on paper: row(s) {rows}.</source>
        <translation>Tracées depuis, laissées « Pas sur le papier » : ligne(s) {rows}.</translation>
    </message>
    <message>
        <source>{count} row(s) of orders withdrawn since are left out.</source>
        <translation>{count} ligne(s) de prescriptions retirées depuis sont écartées.</translation>
    </message>
    <message>
        <source>Details / reason given / reading</source>
        <translation>Précisions / motif d’administration / valeur mesurée</translation>
    </message>
    <message>
        <source>Recorded since as given at {time} by {who}: this row is left not on paper.</source>
        <translation>Tracée depuis comme administrée le {time} par {who} : cette ligne est laissée « Pas sur le papier ».</translation>
    </message>
    <message>
        <source>Recorded since as not given at {time} by {who}: this row is left not on paper.</source>
        <translation>Tracée depuis comme non administrée le {time} par {who} : cette ligne est laissée « Pas sur le papier ».</translation>
    </message>
    <message>
        <source>List the new stretch</source>
        <translation>Lister la nouvelle période</translation>
    </message>
    <message>
        <source>{count} row(s) typed are not in the new stretch and are not saved. List the new stretch all the same?</source>
        <translation>{count} ligne(s) saisie(s) ne sont pas dans la nouvelle période et ne sont pas enregistrées. Lister la nouvelle période quand même ?</translation>
    </message>
    <message>
        <source>Type the stretch as DD/MM/YYYY HH:MM, from and to.</source>
        <translation>Saisissez la période en JJ/MM/AAAA HH:MM, début et fin.</translation>
    </message>
    <message>
        <source>No scheduled dose due in that stretch is left unrecorded.</source>
        <translation>Aucune dose prévue dans cette période ne reste sans saisie.</translation>
    </message>
    <message>
        <source>Row {row}, {medicine} {time}</source>
        <translation>Ligne {row}, {medicine} {time}</translation>
    </message>
    <message>
        <source>Saved as given by the order's route, {route}. A dose given by another route on the paper chart: leave this row not on paper and record it in the dose dialog, from the patient's chart.</source>
        <translation>Enregistrée par la voie de la prescription, {route}. Une dose administrée par une autre voie sur le plan d’administration papier : laisser cette ligne « Pas sur le papier » et la saisir dans la fenêtre de dose, depuis le dossier du patient.</translation>
    </message>
    <message>
        <source>why given, e.g. pain 7/10</source>
        <translation>motif, p. ex. douleur 7/10</translation>
    </message>
    <message>
        <source>reading, e.g. glucose 13.2</source>
        <translation>valeur, par ex. glycémie 13,2</translation>
    </message>
    <message>
        <source>Close without saving</source>
        <translation>Fermer sans enregistrer</translation>
    </message>
    <message>
        <source>{count} row(s) typed are not saved. Close all the same?</source>
        <translation>{count} ligne(s) saisie(s) ne sont pas enregistrées. Fermer quand même ?</translation>
    </message>
    <message>
        <source>Row {row}: “{box}” {at} is outside the stretch {start} to {end}: type its date, or list its stretch.</source>
        <translation>Ligne {row} : « {box} » {at} est hors de la période du {start} au {end} : saisissez sa date, ou listez sa période.</translation>
    </message>
    <message>
        <source>Every row is “Not on paper”: nothing to save.</source>
        <translation>Toutes les lignes sont « Pas sur le papier » : rien à enregistrer.</translation>
    </message>
    <message>
        <source>Save the doses from the paper chart</source>
        <translation>Enregistrer les doses du plan d’administration papier</translation>
    </message>
    <message>
        <source>Save {count} dose(s) from the paper chart: {given} given, {not_given} not given. {left} row(s) not on paper: nothing is saved of them.</source>
        <translation>Enregistrer {count} dose(s) du plan d’administration papier : {given} administrée(s), {not_given} non administrée(s). {left} ligne(s) pas sur le papier : rien n’en est enregistré.</translation>
    </message>
    <message>
        <source>Reason for recording anyway</source>
        <translation>Motif pour enregistrer malgré tout</translation>
    </message>
    <message>
        <source>Row {row}: reason for recording anyway</source>
        <translation>Ligne {row} : motif pour enregistrer malgré tout</translation>
    </message>
    <message>
        <source>Patch site</source>
        <translation>Site du patch</translation>
    </message>
    <message>
        <source>Row {row}: {problem}</source>
        <translation>Ligne {row} : {problem}</translation>
    </message>
</context>
<context>
    <name>PaperNotice</name>
    <message>
        <source>&amp;Enter doses from the paper chart…</source>
        <translation>&amp;Saisir les doses du plan d’administration papier…</translation>
    </message>
</context>
<context>
    <name>PatientHeader</name>
    <message>
        <source>ISOLATION: {isolation}</source>
        <translation>ISOLEMENT : {isolation}</translation>
    </message>
    <message>
        <source>NOT FOR RESUSCITATION (DNACPR)</source>
        <translation>PAS DE RÉANIMATION CARDIO-PULMONAIRE (PAS DE RCP)</translation>
    </message>
    <message>
        <source>Enteric (loose stools since {day})</source>
        <translation>Contact + savon (selles non moulées depuis le {day})</translation>
    </message>
    <message>
        <source>Enteric (C. difficile found {day})</source>
        <translation>Contact + savon (C. difficile retrouvé le {day})</translation>
    </message>
    <message>
        <source>none known</source>
        <translation>aucune connue</translation>
    </message>
    <message>
        <source>NOT KNOWN — ask</source>
        <translation>INCONNUES — à demander</translation>
    </message>
    <message>
        <source>date of birth unknown</source>
        <translation>date de naissance inconnue</translation>
    </message>
    <message>
        <source>born {date}</source>
        <translation>né(e) le {date}</translation>
    </message>
    <message>
        <source>ALLERGIES: {allergies}</source>
        <translation>ALLERGIES : {allergies}</translation>
    </message>
    <message>
        <source>ADMISSION ON HOLD: another laptop wrote it otherwise (allergies, bed…): check it</source>
        <translation>ADMISSION EN ATTENTE : un autre portable l’a écrite autrement (allergies, lit…) : la vérifier</translation>
    </message>
    <message>
        <source>INTERPRETER NEEDED: {language}</source>
        <translation>INTERPRÈTE NÉCESSAIRE : {language}</translation>
    </message>
    <message>
        <source>INTERPRETER NEEDED</source>
        <translation>INTERPRÈTE NÉCESSAIRE</translation>
    </message>
    <message>
        <source>Age: {age}</source>
        <translation>Âge : {age}</translation>
    </message>
    <message>
        <source>NOT WEIGHED: weigh the child</source>
        <translation>NON PESÉ : peser l’enfant</translation>
    </message>
    <message>
        <source>Weight: {weight}</source>
        <translation>Poids : {weight}</translation>
    </message>
</context>
<context>
    <name>PatientTableModel</name>
    <message>
        <source>ALLERGY: {allergies}</source>
        <translation>ALLERGIE : {allergies}</translation>
    </message>
    <message>
        <source>NOT KNOWN — ask</source>
        <translation>INCONNUES — à demander</translation>
    </message>
    <message>
        <source>(3 in one)</source>
        <translation>(3 sur un paramètre)</translation>
    </message>
    <message>
        <source>No set</source>
        <translation>Aucun relevé</translation>
    </message>
    <message>
        <source>OVERDUE since {time}</source>
        <translation>EN RETARD depuis {time}</translation>
    </message>
    <message>
        <source>due {time}</source>
        <translation>prévu à {time}</translation>
    </message>
    <message>
        <source>Not applicable (under 16)</source>
        <translation>Non applicable (moins de 16 ans)</translation>
    </message>
    <message>
        <source>{score} — OVERDUE</source>
        <translation>{score} — EN RETARD</translation>
    </message>
    <message>
        <source>{status} (left bed {bed})</source>
        <translation>{status} (a quitté le lit {bed})</translation>
    </message>
    <message>
        <source>{score} — observations stopped</source>
        <translation>{score} — surveillance arrêtée</translation>
    </message>
</context>
<context>
    <name>PatientsPanel</name>
    <message>
        <source>Find a patient: name, date of birth, downtime no., IPP or NIR (Ctrl+F)</source>
        <translation>Chercher un patient : nom, date de naissance, n° de procédure dégradée, IPP ou NIR (Ctrl+F)</translation>
    </message>
    <message>
        <source>Show &amp;empty beds</source>
        <translation>Afficher les lits &amp;vides</translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation>&amp;Chercher :</translation>
    </message>
    <message>
        <source>W&amp;ard:</source>
        <translation>Servic&amp;e :</translation>
    </message>
    <message>
        <source>Patients</source>
        <translation>Patients</translation>
    </message>
    <message>
        <source>All wards</source>
        <translation>Tous les services</translation>
    </message>
    <message>
        <source>{count} patient(s) found for “{text}” (all wards, any status)</source>
        <translation>{count} patient(s) trouvé(s) pour « {text} » (tous services, tous statuts)</translation>
    </message>
    <message>
        <source>Reading the list…</source>
        <translation>Lecture de la liste…</translation>
    </message>
    <message>
        <source>{patients} patient(s), {empty} empty bed(s)</source>
        <translation>{patients} patient(s), {empty} lit(s) vide(s)</translation>
    </message>
    <message>
        <source>{count} patient(s)</source>
        <translation>{count} patient(s)</translation>
    </message>
    <message>
        <source>{count} patients — choose</source>
        <translation>{count} patients — choisissez</translation>
    </message>
</context>
<context>
    <name>PewsView</name>
    <message>
        <source>PEWS — {name}</source>
        <translation>PEWS — {name}</translation>
    </message>
    <message>
        <source>Paediatric early warning score</source>
        <translation>Score pédiatrique d’alerte précoce</translation>
    </message>
    <message>
        <source>Paediatric observations</source>
        <translation>Surveillance pédiatrique</translation>
    </message>
    <message>
        <source>&amp;Print the PEWS chart</source>
        <translation>&amp;Imprimer la feuille PEWS</translation>
    </message>
    <message>
        <source>No paediatric observations recorded yet</source>
        <translation>Aucune surveillance pédiatrique notée pour l’instant</translation>
    </message>
    <message>
        <source>Record &amp;observations</source>
        <translation>&amp;Noter une surveillance</translation>
    </message>
</context>
<context>
    <name>PrintPreview</name>
    <message>
        <source>Print preview — {title}</source>
        <translation>Aperçu avant impression — {title}</translation>
    </message>
    <message>
        <source>Preview of {title}</source>
        <translation>Aperçu de {title}</translation>
    </message>
    <message>
        <source>{title}: {pages} page(s)</source>
        <translation>{title} : {pages} page(s)</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimer…</translation>
    </message>
    <message>
        <source>&amp;Open in PDF viewer</source>
        <translation>&amp;Ouvrir dans la visionneuse PDF</translation>
    </message>
</context>
<context>
    <name>RateDialog</name>
    <message>
        <source>Change the infusion rate</source>
        <translation>Changer le débit de la perfusion</translation>
    </message>
    <message>
        <source>Bag put up {time}: {running}</source>
        <translation>Poche posée le {time} : {running}</translation>
    </message>
    <message>
        <source>&amp;Save the change (Ctrl+S)</source>
        <translation>&amp;Enregistrer le changement (Ctrl+S)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Time changed: write it as DD/MM/YYYY HH:MM.</source>
        <translation>Heure du changement : l’écrire JJ/MM/AAAA HH:MM.</translation>
    </message>
    <message>
        <source>New rate: write it as a number of mL/h.</source>
        <translation>Nouveau débit : l’écrire en nombre de mL/h.</translation>
    </message>
</context>
<context>
    <name>RebookDialog</name>
    <message>
        <source>Rebook an operation</source>
        <translation>Reprogrammer une intervention</translation>
    </message>
    <message>
        <source>{procedure} ({minutes} min) — {surgeon}</source>
        <translation>{procedure} ({minutes} min) — {surgeon}</translation>
    </message>
    <message>
        <source>&amp;Suggested slots (no clash with theatre, surgeon, anaesthetist or patient):</source>
        <translation>Créneaux propo&amp;sés (sans conflit de salle, chirurgien, anesthésiste ou patient) :</translation>
    </message>
    <message>
        <source>{day} {time} — theatre {theatre} ({specialty})</source>
        <translation>{day} {time} — salle {theatre} ({specialty})</translation>
    </message>
    <message>
        <source>{slot} — after the rebook-by date</source>
        <translation>{slot} — après la date limite de reprogrammation</translation>
    </message>
    <message>
        <source>No free slot before this operation's rebook-by date ({date}): free one on a list (move an operation that can wait), or transfer.</source>
        <translation>Aucun créneau libre avant la date limite de reprogrammation de cette intervention ({date}) : libérez-en un sur un programme (déplacez une intervention qui peut attendre), ou transférez.</translation>
    </message>
    <message>
        <source>&amp;Why this date</source>
        <translation>&amp;Pourquoi cette date</translation>
    </message>
    <message>
        <source>Telephone: {phone}</source>
        <translation>Téléphone : {phone}</translation>
    </message>
    <message>
        <source>In hospital, {ward}: tell the ward, which tells the patient.</source>
        <translation>Hospitalisé(e), {ward} : prévenir le service, qui informera le patient.</translation>
    </message>
    <message>
        <source>Slots f&amp;rom:</source>
        <translation>Cré&amp;neaux à partir du :</translation>
    </message>
    <message>
        <source>dd/mm/yyyy hh:mm</source>
        <translation>jj/mm/aaaa hh:mm</translation>
    </message>
    <message>
        <source>&amp;Nil by mouth since (blank: from now):</source>
        <translation>À &amp;jeun depuis (vide : à partir de maintenant) :</translation>
    </message>
    <message>
        <source>Or &amp;transfer to hospital</source>
        <translation>Ou &amp;transférer vers l’hôpital</translation>
    </message>
    <message>
        <source>Patient t&amp;old now (blank: not yet)</source>
        <translation>Patient inf&amp;ormé maintenant (vide : pas encore)</translation>
    </message>
    <message>
        <source>&amp;Book this slot</source>
        <translation>&amp;Réserver ce créneau</translation>
    </message>
    <message>
        <source>Trans&amp;fer instead</source>
        <translation>Trans&amp;férer plutôt</translation>
    </message>
    <message>
        <source>No {specialty} list known to this laptop has a free slot from {day}. Other specialties' lists:</source>
        <translation>Aucun programme de {specialty} connu de ce portable n’a de créneau libre à partir du {day}. Programmes des autres spécialités :</translation>
    </message>
    <message>
        <source>Not on a ward by the census: called in from home, slots from {time}, the patient arriving {minutes} minutes before their operation as the letter asks.</source>
        <translation>Hospitalisé dans aucun service selon l’état des services : convoqué depuis son domicile, créneaux à partir de {time}, le patient arrivant {minutes} minutes avant son intervention comme le demande la lettre.</translation>
    </message>
    <message>
        <source>No free slot in the sessions known to this laptop: add sessions or transfer.</source>
        <translation>Aucun créneau libre dans les vacations connues de ce portable : ajoutez des vacations ou transférez.</translation>
    </message>
    <message>
        <source>This operation's rebook-by date ({date}) has passed: book the earliest slot, or transfer.</source>
        <translation>La date limite de reprogrammation de cette intervention ({date}) est passée : prenez le premier créneau, ou transférez.</translation>
    </message>
    <message>
        <source>These slots are after this operation's rebook-by date ({date}).</source>
        <translation>Ces créneaux sont après la date limite de reprogrammation de cette intervention ({date}).</translation>
    </message>
    <message>
        <source>Nil by mouth since</source>
        <translation>À jeun depuis</translation>
    </message>
    <message>
        <source>Under anaesthetic: nil by mouth since {since}, the patient will have fasted {hours} hours by {time}.</source>
        <translation>Sous anesthésie : à jeun depuis le {since}, le patient aura jeûné {hours} heures le {time}.</translation>
    </message>
    <message>
        <source>Under anaesthetic: the patient, told now to eat nothing more, will have fasted {hours} hours by {time}.</source>
        <translation>Sous anesthésie : prévenu maintenant de ne plus rien manger, le patient aura jeûné {hours} heures le {time}.</translation>
    </message>
    <message>
        <source>Under anaesthetic: nil by mouth since {since}, the patient has fasted {hours} hours already.</source>
        <translation>Sous anesthésie : à jeun depuis le {since}, le patient a déjà jeûné {hours} heures.</translation>
    </message>
    <message>
        <source>Not fasted: tell the anaesthetist when the patient last ate.</source>
        <translation>Pas à jeun : dites à l’anesthésiste quand le patient a mangé pour la dernière fois.</translation>
    </message>
    <message>
        <source>Nil by mouth since {time}.</source>
        <translation>À jeun depuis le {time}.</translation>
    </message>
    <message>
        <source>{clash} The suggested slots have been read again.</source>
        <translation>{clash} Les créneaux proposés ont été relus.</translation>
    </message>
    <message>
        <source>Choose a slot first.</source>
        <translation>Choisissez d’abord un créneau.</translation>
    </message>
    <message>
        <source>Receiving hospital: required for a transfer.</source>
        <translation>Hôpital d’accueil : obligatoire pour un transfert.</translation>
    </message>
    <message>
        <source>Before the rebook-by date, on other lists:</source>
        <translation>Avant la date limite de reprogrammation, sur d’autres vacations :</translation>
    </message>
    <message>
        <source>No free {specialty} slot before this operation's rebook-by date ({date}): slots on other lists before it are offered below the heading.</source>
        <translation>Aucun créneau libre en {specialty} avant la date limite de reprogrammation de cette intervention ({date}) : des créneaux sur d’autres vacations avant cette date sont proposés sous l’intitulé.</translation>
    </message>
</context>
<context>
    <name>RecordsView</name>
    <message>
        <source>ON HOLD: another laptop wrote it otherwise</source>
        <translation>EN ATTENTE : un autre portable l’a écrite autrement</translation>
    </message>
    <message>
        <source>Records — {name}</source>
        <translation>Enregistrements — {name}</translation>
    </message>
    <message>
        <source>The patient's records, newest first</source>
        <translation>Les enregistrements du patient, du plus récent au plus ancien</translation>
    </message>
    <message>
        <source>&amp;Open the selected record</source>
        <translation>&amp;Ouvrir l’enregistrement sélectionné</translation>
    </message>
    <message>
        <source>&amp;Print the clinical notes</source>
        <translation>&amp;Imprimer les notes cliniques</translation>
    </message>
</context>
<context>
    <name>RepositioningView</name>
    <message>
        <source>Repositioning — {name}</source>
        <translation>Positions — {name}</translation>
    </message>
    <message>
        <source>Repositioning and skin</source>
        <translation>Changements de position et peau</translation>
    </message>
    <message>
        <source>Pressure ulcer risk</source>
        <translation>Risque d’escarre</translation>
    </message>
    <message>
        <source>Changes of position</source>
        <translation>Changements de position</translation>
    </message>
    <message>
        <source>&amp;Print the repositioning chart</source>
        <translation>&amp;Imprimer la feuille de positions</translation>
    </message>
    <message>
        <source>Pressure ulcer risk: not assessed yet (Braden scale)</source>
        <translation>Risque d’escarre : pas encore évalué (échelle de Braden)</translation>
    </message>
    <message>
        <source>No change of position recorded yet</source>
        <translation>Aucun changement de position saisi</translation>
    </message>
    <message>
        <source>Latest: {turn} at {time}</source>
        <translation>Dernier : {turn} à {time}</translation>
    </message>
    <message>
        <source>Record a &amp;change of position</source>
        <translation>Saisir un changement de &amp;position</translation>
    </message>
    <message>
        <source>Assess the risk (&amp;Braden)…</source>
        <translation>Évaluer le &amp;risque (Braden)…</translation>
    </message>
    <message>
        <source>Chart the wou&amp;nd…</source>
        <translation>Suivre la p&amp;laie…</translation>
    </message>
</context>
<context>
    <name>SetAsideDialog</name>
    <message>
        <source>Set aside forms not saved</source>
        <translation>Mettre de côté des formulaires non enregistrés</translation>
    </message>
    <message>
        <source>Only whoever typed a form can open it. Set one aside once you know what it held is done or recorded: a dose typed and not saved may have been given. What it held is kept in the audit log, with your name and reason.</source>
        <translation>Seule la personne qui a saisi un formulaire peut l’ouvrir. Mettez-en un de côté une fois sûr(e) que ce qu’il contenait est fait ou tracé : une dose saisie et non enregistrée a pu être administrée. Son contenu est gardé dans le journal d’audit, avec votre nom et votre motif.</translation>
    </message>
    <message>
        <source>Forms that can be set aside</source>
        <translation>Formulaires pouvant être mis de côté</translation>
    </message>
    <message>
        <source>e.g. dose recorded on the paper chart</source>
        <translation>p. ex. dose tracée sur la feuille papier</translation>
    </message>
    <message>
        <source>&amp;Why they are set aside</source>
        <translation>&amp;Motif de la mise de côté</translation>
    </message>
    <message>
        <source>&amp;Set aside the ticked forms</source>
        <translation>Mettre de &amp;côté les formulaires cochés</translation>
    </message>
    <message>
        <source>Tick the forms to set aside.</source>
        <translation>Cochez les formulaires à mettre de côté.</translation>
    </message>
</context>
<context>
    <name>SettleHoldDialog</name>
    <message>
        <source>Settle the hold</source>
        <translation>Lever la mise en attente</translation>
    </message>
    <message>
        <source>Standing here before settling: {what}
Two laptops disagree from version {version}. Choose the version the ward says is right (its nurse in charge or the prescriber).</source>
        <translation>En vigueur ici avant la levée : {what}
Deux portables divergent à partir de la version {version}. Choisissez la version que le service dit juste (son cadre de santé ou le prescripteur).</translation>
    </message>
    <message>
        <source>&amp;Version that is right:</source>
        <translation>&amp;Version juste :</translation>
    </message>
    <message>
        <source>e.g. Sister Martin, ward 3B, by phone</source>
        <translation>p. ex. Mme Martin, cadre du service 3B, par téléphone</translation>
    </message>
    <message>
        <source>&amp;Reason: who decided, and how</source>
        <translation>&amp;Motif : qui a décidé, et comment</translation>
    </message>
    <message>
        <source>The ward said these changes are to be &amp;dropped</source>
        <translation>Le service a dit d’&amp;abandonner ces modifications</translation>
    </message>
    <message>
        <source>&amp;Settle</source>
        <translation>&amp;Lever</translation>
    </message>
    <message>
        <source>If you settle with this version, {dropped}.</source>
        <translation>Si vous levez la mise en attente avec cette version, {dropped}.</translation>
    </message>
    <message>
        <source>those of the version you choose (shown once chosen)</source>
        <translation>celles de la version choisie (affichées une fois choisie)</translation>
    </message>
    <message>
        <source>{allergies} (once settled so)</source>
        <translation>{allergies} (une fois la mise en attente levée ainsi)</translation>
    </message>
    <message>
        <source>Choose the version that is right (arrow keys).</source>
        <translation>Choisissez la version juste (touches fléchées).</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Next / previous field or button</source>
        <translation>Champ ou bouton suivant / précédent</translation>
    </message>
    <message>
        <source>Go to that field, button or menu</source>
        <translation>Aller à ce champ, ce bouton ou ce menu</translation>
    </message>
    <message>
        <source>In a list: open the selected patient or item; in a field of a form or of the dose dialog: next field</source>
        <translation>Dans une liste : ouvrir le patient ou l’élément sélectionné ; dans un champ d’un formulaire ou de la saisie d’une dose : champ suivant</translation>
    </message>
    <message>
        <source>N, Enter</source>
        <translation>M, Entrée</translation>
    </message>
    <message>
        <source>In a date and time box: now</source>
        <translation>Dans une case de date et heure : maintenant</translation>
    </message>
    <message>
        <source>Save the open form, or the dose being recorded</source>
        <translation>Enregistrer le formulaire ouvert, ou la dose en cours de saisie</translation>
    </message>
    <message>
        <source>Print, from the print preview</source>
        <translation>Imprimer, depuis l’aperçu avant impression</translation>
    </message>
    <message>
        <source>Close a dialog without saving</source>
        <translation>Fermer une fenêtre sans enregistrer</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Everything in Downtime can be done from the keyboard:</source>
        <translation>Tout dans Downtime se fait au clavier :</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
    <message>
        <source>What they do</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Tab / Shift+Tab</source>
        <translation>Tab / Maj+Tab</translation>
    </message>
    <message>
        <source>Alt + underlined letter</source>
        <translation>Alt + lettre soulignée</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Échap</translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Entrée</translation>
    </message>
    <message>
        <source>In the box of a reason (an amendment, an entry in error): confirm it</source>
        <translation>Dans la case d’un motif (correction, saisie par erreur) : le valider</translation>
    </message>
</context>
<context>
    <name>SignIn</name>
    <message>
        <source>Downtime — sign in</source>
        <translation>Downtime — connexion</translation>
    </message>
    <message>
        <source>Demo data: try &lt;b&gt;nurse&lt;/b&gt; / PIN &lt;b&gt;1111&lt;/b&gt; (other demo accounts are listed in the README).</source>
        <translation>Données de démonstration : essayez &lt;b&gt;nurse&lt;/b&gt; / code &lt;b&gt;1111&lt;/b&gt; (les autres comptes de démonstration sont dans le README).</translation>
    </message>
    <message>
        <source>&amp;Staff ID</source>
        <translation>&amp;Identifiant</translation>
    </message>
    <message>
        <source>&amp;PIN</source>
        <translation>&amp;Code</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>&lt;b&gt;DOWNTIME MODE&lt;/b&gt; — {device}</source>
        <translation>&lt;b&gt;PROCÉDURE DÉGRADÉE&lt;/b&gt; — {device}</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Laptop {name} — ward {ward}</source>
        <translation>Portable {name} — service {ward}</translation>
    </message>
    <message>
        <source>Laptop {name} — all wards</source>
        <translation>Portable {name} — tous les services</translation>
    </message>
    <message>
        <source>{name} — ward {ward}</source>
        <translation>{name} — service {ward}</translation>
    </message>
    <message>
        <source>{name} — all wards</source>
        <translation>{name} — tous les services</translation>
    </message>
    <message>
        <source>Downtime — set up this laptop</source>
        <translation>Downtime — configurer ce portable</translation>
    </message>
    <message>
        <source>This database is new. Enter this laptop's device number from the hospital's downtime plan: no other laptop may have it, and every downtime number this laptop gives carries it for good (it keeps downtime numbers of different laptops apart; never set a laptop up with a copy of another's database). Then create the first administrator account.</source>
        <translation>Cette base est neuve. Saisissez le numéro d’appareil de ce portable, pris dans le plan de procédure dégradée de l’hôpital : aucun autre portable ne peut l’avoir, et chaque numéro de procédure dégradée que donne ce portable le porte pour toujours (il sépare les numéros de procédure dégradée des différents portables ; n’installez jamais un portable avec une copie de la base d’un autre). Créez ensuite le premier compte administrateur.</translation>
    </message>
    <message>
        <source>choose 1-999</source>
        <translation>choisir de 1 à 999</translation>
    </message>
    <message>
        <source>e.g. Laptop 2, ward 3B</source>
        <translation>ex. : Portable 2, service 3B</translation>
    </message>
    <message>
        <source>Device &amp;number</source>
        <translation>&amp;Numéro d’appareil</translation>
    </message>
    <message>
        <source>Device n&amp;ame</source>
        <translation>N&amp;om de l’appareil</translation>
    </message>
    <message>
        <source>Administrator &amp;staff ID</source>
        <translation>&amp;Identifiant de l’administrateur</translation>
    </message>
    <message>
        <source>Administrator &amp;full name</source>
        <translation>Nom &amp;complet de l’administrateur</translation>
    </message>
    <message>
        <source>&amp;PIN (4-12 digits)</source>
        <translation>Co&amp;de (4 à 12 chiffres)</translation>
    </message>
    <message>
        <source>PIN &amp;again</source>
        <translation>Code à &amp;nouveau</translation>
    </message>
    <message>
        <source>&amp;Encrypt the database (recommended: a stolen laptop then reveals nothing)</source>
        <translation>&amp;Chiffrer la base (recommandé : un portable volé ne révèle alors rien)</translation>
    </message>
    <message>
        <source>The two PINs differ.</source>
        <translation>Les deux codes diffèrent.</translation>
    </message>
    <message>
        <source>Unencrypted database</source>
        <translation>Base non chiffrée</translation>
    </message>
    <message>
        <source>Without encryption, anyone who takes this laptop can read every patient's record. Set it up unencrypted anyway?</source>
        <translation>Sans chiffrement, quiconque prend ce portable peut lire le dossier de chaque patient. Configurer sans chiffrement malgré tout ?</translation>
    </message>
    <message>
        <source>This laptop is set up: next steps</source>
        <translation>Ce portable est configuré : étapes suivantes</translation>
    </message>
    <message>
        <source>Sign in as {staff_id}, then on the Administration tab:
1. Staff: add a second administrator now, one on the ward (the nurse in charge). An agency nurse arriving at night needs an account, and no one can reset the last administrator's forgotten PIN.
2. Wards and beds: add the wards and their beds, or load the hospital's set-up file (This laptop).
3. This laptop: give this laptop its ward, which its lists open on.</source>
        <translation>Connectez-vous en tant que {staff_id}, puis dans l’onglet Administration :
1. Personnel : ajoutez dès maintenant un second administrateur, dans le service (l’infirmier(ère) responsable). Une infirmière intérimaire arrivant la nuit a besoin d’un compte, et personne ne peut réinitialiser le code oublié du dernier administrateur.
2. Services et lits : ajoutez les services et leurs lits, ou chargez le fichier de configuration de l’hôpital (Ce portable).
3. Ce portable : donnez à ce portable son service, sur lequel ses listes s’ouvrent.</translation>
    </message>
    <message>
        <source>Your PIN is one an administrator set: choose your own to sign in.</source>
        <translation>Votre code a été défini par un administrateur : choisissez le vôtre pour vous connecter.</translation>
    </message>
</context>
<context>
    <name>StrikeDialog</name>
    <message>
        <source>Mark a line entered in error: {drug} ({unit})</source>
        <translation>Marquer une ligne saisie par erreur : {drug} ({unit})</translation>
    </message>
    <message>
        <source>{when} — {entry} — {quantity} {unit}</source>
        <translation>{when} — {entry} — {quantity} {unit}</translation>
    </message>
    <message>
        <source>&amp;Line</source>
        <translation>&amp;Ligne</translation>
    </message>
    <message>
        <source>W&amp;hy it was entered in error</source>
        <translation>&amp;Pourquoi elle a été saisie par erreur</translation>
    </message>
    <message>
        <source>No line of this page may be marked entered in error.</source>
        <translation>Aucune ligne de cette page ne peut être marquée saisie par erreur.</translation>
    </message>
    <message>
        <source>Say why the line was entered in error.</source>
        <translation>Dites pourquoi la ligne a été saisie par erreur.</translation>
    </message>
</context>
<context>
    <name>SupplyDialog</name>
    <message>
        <source>Supplied to take home: {drug} ({unit})</source>
        <translation>Remise pour la sortie : {drug} ({unit})</translation>
    </message>
    <message>
        <source>{number} — {name} — bed {bed}</source>
        <translation>{number} — {name} — lit {bed}</translation>
    </message>
    <message>
        <source>{number} — {name} — discharged</source>
        <translation>{number} — {name} — sorti(e)</translation>
    </message>
    <message>
        <source>Pa&amp;tient</source>
        <translation>Pa&amp;tient</translation>
    </message>
    <message>
        <source>&amp;Quantity supplied ({unit})</source>
        <translation>&amp;Quantité remise ({unit})</translation>
    </message>
</context>
<context>
    <name>TabList</name>
    <message>
        <source>All tabs</source>
        <translation>Tous les onglets</translation>
    </message>
    <message>
        <source>Every open tab, to bring one forward</source>
        <translation>Tous les onglets ouverts, pour en afficher un</translation>
    </message>
</context>
<context>
    <name>Tables</name>
    <message>
        <source>Writing the print…</source>
        <translation>Préparation de l’impression…</translation>
    </message>
    <message>
        <source>Not printed</source>
        <translation>Non imprimé</translation>
    </message>
</context>
<context>
    <name>TelephoneOrdersDialog</name>
    <message>
        <source>{taken} — OVER 24 H</source>
        <translation>{taken} — PLUS DE 24 H</translation>
    </message>
    <message>
        <source>Telephone orders to countersign</source>
        <translation>Prescriptions téléphoniques à contresigner</translation>
    </message>
    <message>
        <source>No telephone order awaits a countersignature.</source>
        <translation>Aucune prescription téléphonique n’attend de contresignature.</translation>
    </message>
    <message>
        <source>&amp;Open the patient's chart</source>
        <translation>&amp;Ouvrir le plan d’administration du patient</translation>
    </message>
    <message>
        <source>Countersi&amp;gn…</source>
        <translation>Contresi&amp;gner…</translation>
    </message>
    <message>
        <source>No line chosen</source>
        <translation>Aucune ligne choisie</translation>
    </message>
    <message>
        <source>Choose a telephone order first.</source>
        <translation>Choisissez d’abord une prescription téléphonique.</translation>
    </message>
</context>
<context>
    <name>TheatrePanel</name>
    <message>
        <source>{name} — {number}
{operation}: {when}, theatre {theatre}

Saved; the day board flags it:</source>
        <translation>{name} — {number}
{operation} : {when}, salle {theatre}

Enregistrée ; le programme opératoire du jour la signale :</translation>
    </message>
    <message>
        <source>Saved — the board flags this operation</source>
        <translation>Enregistrée — le programme opératoire du jour signale cette intervention</translation>
    </message>
    <message>
        <source>Select an operation on the day board first.</source>
        <translation>Sélectionnez d’abord une intervention dans le programme opératoire du jour.</translation>
    </message>
    <message>
        <source>Select an operation in the rescheduling list first.</source>
        <translation>Sélectionnez d’abord une intervention dans la liste à reprogrammer.</translation>
    </message>
    <message>
        <source>{operation} on {when}, theatre {theatre}, is cancelled</source>
        <translation>{operation} du {when}, salle {theatre}, est annulée</translation>
    </message>
    <message>
        <source>&amp;Day:</source>
        <translation>&amp;Jour :</translation>
    </message>
    <message>
        <source>Past, no&amp;t recorded</source>
        <translation>&amp;Passées, non renseignées</translation>
    </message>
    <message>
        <source>&amp;Cancel selected operation…</source>
        <translation>A&amp;nnuler l’intervention sélectionnée…</translation>
    </message>
    <message>
        <source>Operation do&amp;ne…</source>
        <translation>Inter&amp;vention réalisée…</translation>
    </message>
    <message>
        <source>Patient's &amp;letter</source>
        <translation>&amp;Lettre au patient</translation>
    </message>
    <message>
        <source>Patient t&amp;old…</source>
        <translation>Patient inf&amp;ormé…</translation>
    </message>
    <message>
        <source>&amp;Print the day's list</source>
        <translation>&amp;Imprimer le programme du jour</translation>
    </message>
    <message>
        <source>&lt;b&gt;Theatre day board&lt;/b&gt; (cancelled or moved operations struck through)</source>
        <translation>&lt;b&gt;Programme opératoire du jour&lt;/b&gt; (interventions annulées ou déplacées barrées)</translation>
    </message>
    <message>
        <source>Theatre day board</source>
        <translation>Programme opératoire du jour</translation>
    </message>
    <message>
        <source>{name} — SAME NAME: {others}</source>
        <translation>{name} — MÊME NOM : {others}</translation>
    </message>
    <message>
        <source>Safety chec&amp;klist…</source>
        <translation>&amp;Check-list sécurité…</translation>
    </message>
    <message>
        <source>&lt;b&gt;To reschedule&lt;/b&gt; — priority, then deadline, then waiting time</source>
        <translation>&lt;b&gt;À reprogrammer&lt;/b&gt; — priorité, puis échéance, puis attente</translation>
    </message>
    <message>
        <source>Re&amp;book selected…</source>
        <translation>&amp;Reprogrammer la sélection…</translation>
    </message>
    <message>
        <source>Print the re&amp;scheduling list</source>
        <translation>Imprimer la liste à repro&amp;grammer</translation>
    </message>
    <message>
        <source>Operations to reschedule</source>
        <translation>Interventions à reprogrammer</translation>
    </message>
    <message>
        <source>Reading the theatre lists…</source>
        <translation>Lecture des programmes opératoires…</translation>
    </message>
    <message>
        <source>Operations past with no outcome recorded: {count}</source>
        <translation>Interventions passées sans issue renseignée : {count}</translation>
    </message>
    <message>
        <source>{name} ({number}), {operation} — died {died}</source>
        <translation>{name} ({number}), {operation} — décédé(e) le {died}</translation>
    </message>
    <message>
        <source>Not to rebook, the patient's death is recorded: {operations}.</source>
        <translation>À ne pas reprogrammer, le décès du patient est enregistré : {operations}.</translation>
    </message>
    <message>
        <source>No operation chosen</source>
        <translation>Aucune intervention choisie</translation>
    </message>
    <message>
        <source>Already recorded done</source>
        <translation>Déjà enregistrée comme réalisée</translation>
    </message>
    <message>
        <source>This operation is recorded done at {at}. To correct it, amend that record, or mark it entered in error, in the patient's records.</source>
        <translation>Cette intervention est enregistrée comme réalisée le {at}. Pour la corriger, modifiez cet enregistrement ou marquez-le saisi par erreur, dans les enregistrements du patient.</translation>
    </message>
    <message>
        <source>This operation is struck through: it was moved from this list. {news}: to record it done, choose it on that day.</source>
        <translation>Cette intervention est barrée : elle a été déplacée de ce programme. {news} : pour l’enregistrer comme réalisée, choisissez-la ce jour-là.</translation>
    </message>
    <message>
        <source>Moved to another day</source>
        <translation>Déplacée à un autre jour</translation>
    </message>
    <message>
        <source>Transferred</source>
        <translation>Transférée</translation>
    </message>
    <message>
        <source>This operation is struck through: it was transferred. {news}.</source>
        <translation>Cette intervention est barrée : elle a été transférée. {news}.</translation>
    </message>
    <message>
        <source>Already cancelled</source>
        <translation>Déjà annulée</translation>
    </message>
    <message>
        <source>This operation is struck through: it was moved from this list. {news}: to cancel it, choose it on that day.</source>
        <translation>Cette intervention est barrée : elle a été déplacée hors de ce programme. {news} : pour l’annuler, choisissez-la ce jour-là.</translation>
    </message>
    <message>
        <source>This operation is struck through: it was already cancelled or moved from this list.</source>
        <translation>Cette intervention est barrée : elle a déjà été annulée ou déplacée de ce programme.</translation>
    </message>
    <message>
        <source>{operation} now {when}, theatre {theatre}</source>
        <translation>{operation} désormais le {when}, salle {theatre}</translation>
    </message>
    <message>
        <source>{operation} goes to another hospital, {hospital}</source>
        <translation>{operation} aura lieu dans un autre établissement, {hospital}</translation>
    </message>
    <message>
        <source>Nothing to tell</source>
        <translation>Rien à annoncer</translation>
    </message>
    <message>
        <source>This operation stands as booked: there is no cancellation, new date or transfer to tell its patient of.</source>
        <translation>Cette intervention reste programmée : il n’y a ni annulation, ni nouvelle date, ni transfert à annoncer au patient.</translation>
    </message>
    <message>
        <source>Tell {ward} so its team tells {name} ({number})</source>
        <translation>Prévenir le {ward}, dont l’équipe informera {name} ({number})</translation>
    </message>
    <message>
        <source>Ring {phone} to tell {name} ({number})</source>
        <translation>Appeler le {phone} pour prévenir {name} ({number})</translation>
    </message>
    <message>
        <source>No telephone recorded: post their letter (Patient's letter) to {name} ({number})</source>
        <translation>Aucun téléphone enregistré : envoyer par courrier sa lettre (Lettre au patient) à {name} ({number})</translation>
    </message>
    <message>
        <source>No telephone recorded: find another way to tell {name} ({number})</source>
        <translation>Aucun téléphone enregistré : prévenir {name} ({number}) par un autre moyen</translation>
    </message>
    <message>
        <source>{who}: {news}.</source>
        <translation>{who} : {news}.</translation>
    </message>
    <message>
        <source>Then print their letter (Patient's letter).</source>
        <translation>Puis imprimer sa lettre (Lettre au patient).</translation>
    </message>
</context>
<context>
    <name>ToldDialog</name>
    <message>
        <source>Patient told of the cancellation</source>
        <translation>Patient informé de l’annulation</translation>
    </message>
    <message>
        <source>Patient told of the new date</source>
        <translation>Patient informé de la nouvelle date</translation>
    </message>
    <message>
        <source>Already recorded: {how}, {at}. Recording again replaces it.</source>
        <translation>Déjà enregistré : {how}, {at}. Un nouvel enregistrement le remplace.</translation>
    </message>
    <message>
        <source>Patient &amp;told</source>
        <translation>Patient &amp;informé</translation>
    </message>
    <message>
        <source>Told &amp;at</source>
        <translation>Informé &amp;le</translation>
    </message>
    <message>
        <source>&amp;Record</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>Told &amp;by</source>
        <translation>Informé &amp;par</translation>
    </message>
</context>
<context>
    <name>TransfusionView</name>
    <message>
        <source>Before: {before} · 15 min: {first} · After: {after}</source>
        <translation>Avant : {before} · 15 min : {first} · Après : {after}</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>patient {group}</source>
        <translation>patient {group}</translation>
    </message>
    <message>
        <source>identity checked</source>
        <translation>identité vérifiée</translation>
    </message>
    <message>
        <source>RhD+ issued so</source>
        <translation>RhD+ délivré ainsi</translation>
    </message>
    <message>
        <source>group {group} issued so</source>
        <translation>groupe {group} délivré ainsi</translation>
    </message>
    <message>
        <source>group O HT neg</source>
        <translation>groupe O HT nég</translation>
    </message>
    <message>
        <source>Transfusion — {name}</source>
        <translation>Transfusion — {name}</translation>
    </message>
    <message>
        <source>Blood transfusion</source>
        <translation>Transfusion sanguine</translation>
    </message>
    <message>
        <source>Blood prescribed</source>
        <translation>Produits sanguins prescrits</translation>
    </message>
    <message>
        <source>Units transfused</source>
        <translation>Produits transfusés</translation>
    </message>
    <message>
        <source>Pres&amp;cribe blood…</source>
        <translation>Pres&amp;crire des produits sanguins…</translation>
    </message>
    <message>
        <source>Record a unit &amp;started</source>
        <translation>Saisir la &amp;pose d’un produit</translation>
    </message>
    <message>
        <source>&amp;Print the transfusion record</source>
        <translation>&amp;Imprimer la fiche transfusionnelle</translation>
    </message>
    <message>
        <source>Record the &amp;end of the unit</source>
        <translation>Saisir la &amp;fin du produit</translation>
    </message>
    <message>
        <source>Prescribed: {prescription}</source>
        <translation>Prescrit : {prescription}</translation>
    </message>
    <message>
        <source>Running: {unit} since {time}</source>
        <translation>En cours : {unit} depuis {time}</translation>
    </message>
    <message>
        <source>15-minute observations due {time}</source>
        <translation>constantes à 15 minutes prévues le {time}</translation>
    </message>
    <message>
        <source>Last unit: {unit}, {state}</source>
        <translation>Dernier produit : {unit}, {state}</translation>
    </message>
    <message>
        <source>No unit of blood recorded</source>
        <translation>Aucun produit sanguin saisi</translation>
    </message>
    <message>
        <source>Record the end of a unit</source>
        <translation>Saisir la fin d’un produit</translation>
    </message>
    <message>
        <source>Choose the unit that ended in the list first.</source>
        <translation>Choisir d’abord dans la liste le produit terminé.</translation>
    </message>
</context>
<context>
    <name>WaitingModel</name>
    <message>
        <source>PATIENT NOT TOLD YET</source>
        <translation>PATIENT PAS ENCORE INFORMÉ</translation>
    </message>
</context>
<context>
    <name>WardChoice</name>
    <message>
        <source>W&amp;ard:</source>
        <translation>Servic&amp;e :</translation>
    </message>
</context>
<context>
    <name>WastageDialog</name>
    <message>
        <source>{when} — {patient} — {drawn_up}: {quantity} {unit} ordered</source>
        <translation>{when} — {patient} — {drawn_up} : {quantity} {unit} prescrits</translation>
    </message>
    <message>
        <source>Wastage of {drug}</source>
        <translation>Reliquat détruit de {drug}</translation>
    </message>
    <message>
        <source>{when} — {patient} — {quantity} {unit}</source>
        <translation>{when} — {patient} — {quantity} {unit}</translation>
    </message>
    <message>
        <source>&amp;Dose</source>
        <translation>&amp;Dose</translation>
    </message>
    <message>
        <source>&amp;Quantity discarded ({unit})</source>
        <translation>&amp;Quantité détruite ({unit})</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Fermer</translation>
    </message>
</context>
<context>
    <name>WoundsView</name>
    <message>
        <source>Wounds — {name}</source>
        <translation>Plaies — {name}</translation>
    </message>
    <message>
        <source>Wounds</source>
        <translation>Plaies</translation>
    </message>
    <message>
        <source>Looks at the wounds and dressings</source>
        <translation>Évaluations des plaies et pansements</translation>
    </message>
    <message>
        <source>&amp;Print the wound chart</source>
        <translation>&amp;Imprimer la feuille de suivi des plaies</translation>
    </message>
    <message>
        <source>&amp;Dress the chosen wound…</source>
        <translation>Panser la plaie &amp;choisie…</translation>
    </message>
    <message>
        <source>No wound charted yet</source>
        <translation>Aucune plaie suivie pour l’instant</translation>
    </message>
    <message>
        <source>Every wound charted is healed</source>
        <translation>Toutes les plaies suivies sont cicatrisées</translation>
    </message>
    <message>
        <source>Open wounds: {open}</source>
        <translation>Plaies en cours : {open}</translation>
    </message>
    <message>
        <source>Choose the wound in the list first.</source>
        <translation>Choisissez d’abord la plaie dans la liste.</translation>
    </message>
    <message>
        <source>Record a &amp;new wound</source>
        <translation>Enregistrer une nouvelle &amp;plaie</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <source>Not in this snapshot, loaded from an earlier one: {patients}. Discharged or moved in the EHR? Record their discharge or transfer on this laptop.</source>
        <translation>Absents de cet instantané, chargés d’un instantané précédent : {patients}. Sortis ou transférés dans le DPI ? Enregistrez leur sortie ou leur transfert sur ce portable.</translation>
    </message>
    <message>
        <source>{where}: {none_known} says "No known allergy", but {listed} lists an allergy: loaded as "Allergies listed below", the allergy kept. Ask the ward to check the patient's allergies with them or their family.</source>
        <translation>{where} : {none_known} indique « Aucune allergie connue », mais {listed} indique une allergie : chargé avec « Allergies ci-dessous », l’allergie conservée. Demandez au service de vérifier les allergies du patient avec lui ou sa famille.</translation>
    </message>
    <message>
        <source>{where}: allergy_status is {status!r}, but {allergies}, line {line} lists an allergy: loaded as "Allergies listed below", the allergy kept. Ask the ward to check the patient's allergies with them or their family.</source>
        <translation>{where} : allergy_status vaut {status!r}, mais {allergies}, ligne {line} indique une allergie : chargé avec « Allergies ci-dessous », l’allergie conservée. Demandez au service de vérifier les allergies du patient avec lui ou sa famille.</translation>
    </message>
    <message>
        <source>{problem}
Not in this snapshot, loaded from an earlier one: {patients}. Discharged or moved in the EHR? Record their discharge or transfer on this laptop first, then load this snapshot again (a snapshot never discharges anyone).</source>
        <translation>{problem}
Absents de cet instantané, chargés d’un instantané précédent : {patients}. Sortis ou transférés dans le DPI ? Enregistrez d’abord leur sortie ou leur transfert sur ce portable, puis chargez de nouveau cet instantané (un instantané ne fait jamais sortir personne).</translation>
    </message>
    <message>
        <source>{where}: {field} {value!r} is given, but the other answers leave that question unasked and it would be dropped: correct the answer it depends on, or leave it empty</source>
        <translation>{where} : {field} {value!r} est renseigné, mais les autres réponses ne posent pas cette question et la valeur serait perdue : corrigez la réponse dont elle dépend, ou laissez-la vide</translation>
    </message>
    <message>
        <source>{drawn_up}, destroyed: {quantity} {unit}</source>
        <translation>{drawn_up}, détruite : {quantity} {unit}</translation>
    </message>
    <message>
        <source>Drawn up, not given ({reason})</source>
        <translation>Préparée, non administrée ({reason})</translation>
    </message>
    <message>
        <source>Drawn up, not given</source>
        <translation>Préparée, non administrée</translation>
    </message>
    <message>
        <source>Stock from register page</source>
        <translation>Stock pris sur la page du registre</translation>
    </message>
    <message>
        <source>{field}: {problem} To take the dose from {page} all the same, choose it there.</source>
        <translation>{field} : {problem} Pour prélever tout de même la dose sur {page}, choisissez-la ici.</translation>
    </message>
    <message>
        <source>Controlled-drug register: {page} ({form}) for a {route} dose: choose the patch's page, or receive the patches' stock first.</source>
        <translation>Registre des stupéfiants : {page} ({form}) pour une dose {route} : choisissez la page des patchs, ou enregistrez d’abord leur réception.</translation>
    </message>
    <message>
        <source>Controlled-drug register: {page} ({form}) for a {route} dose: choose the injection's page, or receive the injection's stock first.</source>
        <translation>Registre des stupéfiants : {page} ({form}) pour une dose {route} : choisissez la page de la forme injectable, ou enregistrez d’abord la réception des ampoules.</translation>
    </message>
    <message>
        <source>Controlled-drug register: {page} ({form}) for a {route} dose: choose the page of the oral form, or receive its stock first.</source>
        <translation>Registre des stupéfiants : {page} ({form}) pour une dose {route} : choisissez la page de la forme orale, ou enregistrez d’abord sa réception.</translation>
    </message>
    <message>
        <source>patch</source>
        <translation>patch</translation>
    </message>
    <message>
        <source>injection</source>
        <translation>forme injectable</translation>
    </message>
    <message>
        <source>oral</source>
        <translation>forme orale</translation>
    </message>
    <message>
        <source>{count} dosageInstructions in one MedicationRequest: write each dosage as its own order</source>
        <translation>{count} dosageInstruction dans une même MedicationRequest : écrivez chaque posologie comme une prescription distincte</translation>
    </message>
    <message>
        <source>timing.repeat.boundsDuration {value} {unit}: give it in min, h, d or wk, or give boundsPeriod.end</source>
        <translation>timing.repeat.boundsDuration {value} {unit} : exprimez-la en min, h, d ou wk, ou donnez boundsPeriod.end</translation>
    </message>
    <message>
        <source>dosageInstruction.asNeededCodeableConcept or text (what the as-required medicine is given for)</source>
        <translation>dosageInstruction.asNeededCodeableConcept ou text (l’indication du médicament si besoin)</translation>
    </message>
    <message>
        <source>maxDosePerPeriod {value} {unit} is less than one dose</source>
        <translation>maxDosePerPeriod {value} {unit} est inférieur à une dose</translation>
    </message>
    <message>
        <source>maxDosePerPeriod is in {unit}, the dose in {dose_unit}: give it in the dose's unit</source>
        <translation>maxDosePerPeriod est en {unit}, la dose en {dose_unit} : donnez-le dans l’unité de la dose</translation>
    </message>
    <message>
        <source>maxDosePerPeriod is per {value} {unit}: the order form's maximum is per 24 h (denominator 24 h)</source>
        <translation>maxDosePerPeriod est donné pour {value} {unit} : le maximum du formulaire de prescription porte sur 24 h (dénominateur 24 h)</translation>
    </message>
    <message>
        <source>dosageInstruction.maxDosePerPeriod (the most of an as-required medicine in 24 hours)</source>
        <translation>dosageInstruction.maxDosePerPeriod (la quantité maximale du médicament si besoin sur 24 heures)</translation>
    </message>
    <message>
        <source>the as-required dosage is given {frequency} times every {period} {unit}: give its least interval between doses as timing.repeat frequency 1, period and periodUnit</source>
        <translation>la posologie si besoin est donnée {frequency} fois toutes les {period} {unit} : indiquez l’intervalle minimal entre deux doses dans timing.repeat (frequency 1, period et periodUnit)</translation>
    </message>
    <message>
        <source>dosageInstruction.timing.repeat.period (the least interval between as-required doses)</source>
        <translation>dosageInstruction.timing.repeat.period (l’intervalle minimal entre deux doses si besoin)</translation>
    </message>
    <message>
        <source>{count} orders were written on this laptop after they started: {orders}. Their doses due before they were written may have been given from the paper chart. Enter them first (at the time they were given) before giving anything due.</source>
        <translation>{count} prescriptions ont été saisies sur ce portable après leur début : {orders}. Leurs doses prévues avant leur saisie ont peut-être été données sur la feuille papier. Saisissez-les d’abord (à l’heure où elles ont été données) avant de donner quoi que ce soit.</translation>
    </message>
    <message>
        <source>{drug} was written on this laptop at {end}, to start at {start}: its doses due before it was written may have been given from the paper chart. Enter them first (at the time they were given) before giving anything due.</source>
        <translation>{drug} a été prescrit sur ce portable à {end}, pour commencer à {start} : ses doses prévues avant sa saisie ont peut-être été données sur la feuille papier. Saisissez-les d’abord (à l’heure où elles ont été données) avant de donner quoi que ce soit.</translation>
    </message>
    <message>
        <source>the EHR shows two people, though another downtime number of the same NIR or IPP is linked to another EHR patient: link to --ehr all the same</source>
        <translation>le DPI montre deux personnes, bien qu’un autre numéro de procédure dégradée de même NIR ou IPP soit relié à un autre patient du DPI : relier à --ehr malgré tout</translation>
    </message>
    <message>
        <source>{said} Give --two-people to link it to {ehr} all the same.</source>
        <translation>{said} Donnez --two-people pour le relier à {ehr} malgré tout.</translation>
    </message>
    <message>
        <source>{other} has {why} as {number} ({value}) and is linked to EHR patient {other_ehr}: one person, whose records would be split between two EHR files. Link {number} to {other_ehr}, or to {ehr} only if the EHR shows two people (the number mistyped on one admission).</source>
        <translation>{other} a {why} que {number} ({value}) et est relié au patient {other_ehr} du DPI : une seule personne, dont les enregistrements seraient répartis entre deux dossiers du DPI. Reliez {number} à {other_ehr}, ou à {ehr} seulement si le DPI montre deux personnes (numéro mal saisi sur une admission).</translation>
    </message>
    <message>
        <source>EHR patient {ehr} also has, under {number}, {order}: enter this order only if it is another one, not the same one twice</source>
        <translation>le patient {ehr} du DPI a aussi, sous {number}, {order} : ne saisir cette prescription que s’il s’agit d’une autre, pas de la même deux fois</translation>
    </message>
    <message>
        <source>an as-required dose of the same order was also recorded on {laptop} by {author}, {given}, {minutes} min apart (ordered at least {hours} h apart): ask the ward whether it is one dose recorded twice before entering both</source>
        <translation>une dose si besoin de la même prescription a aussi été tracée sur {laptop} par {author}, {given}, à {minutes} min d’intervalle (prescrite à au moins {hours} h d’intervalle) : demander au service s’il s’agit d’une seule dose tracée deux fois avant de saisir les deux</translation>
    </message>
    <message>
        <source>this patient's transfer to another hospital at {at} was recorded on {laptop} by {author}, {time}: ask the ward before entering this record, dated after it</source>
        <translation>le transfert de ce patient vers un autre établissement le {at} a été enregistré sur {laptop} par {author}, {time} : demander au service avant de saisir cet enregistrement, daté d’après</translation>
    </message>
    <message>
        <source>this patient's discharge at {at} was recorded on {laptop} by {author}, {time}: ask the ward before entering this record, dated after it</source>
        <translation>la sortie de ce patient le {at} a été enregistrée sur {laptop} par {author}, {time} : demander au service avant de saisir cet enregistrement, daté d’après</translation>
    </message>
    <message>
        <source>this patient's death at {at} was recorded on {laptop} by {author}, {time}: ask the ward before entering this record, dated after it</source>
        <translation>le décès de ce patient le {at} a été enregistré sur {laptop} par {author}, {time} : demander au service avant de saisir cet enregistrement, daté d’après</translation>
    </message>
    <message>
        <source>its order was stopped at {stopped} on {laptop} by {author}, {time}: {reason}. Ask the ward or the prescriber before entering this dose, given after it</source>
        <translation>sa prescription a été arrêtée le {stopped} sur {laptop} par {author}, {time} : {reason}. Demander au service ou au prescripteur avant de saisir cette dose, administrée après l’arrêt</translation>
    </message>
    <message>
        <source>“{field}”: {name}, born {born}, {number}, in {place}, has the same name and date of birth and no first names either. Give each baby a provisional first name (Twin 1, Twin 2) until theirs are declared: without one, their wristbands, labels and charts differ by the number alone.</source>
        <translation>« {field} » : {name}, né(e) le {born}, {number}, en {place}, a le même nom, la même date de naissance et pas de prénom non plus. Donnez à chaque bébé un prénom provisoire (Jumeau 1, Jumelle 2) en attendant la déclaration de ses prénoms : sans cela, leurs bracelets, étiquettes et dossiers ne se distinguent que par le numéro.</translation>
    </message>
    <message>
        <source>the same family name (birth or used), first name and date of birth</source>
        <translation>même nom de famille (de naissance ou d’usage), prénom et date de naissance</translation>
    </message>
    <message>
        <source>{line} — {allergies}: recorded after it was prescribed, not reviewed by the prescriber</source>
        <translation>{line} — {allergies} : enregistrée après la prescription, non revue par le prescripteur</translation>
    </message>
    <message>
        <source>“{field}”: No, but the admission says the patient's allergies are not known yet. Ask the patient at the Sign In and record the answer on the admission first (“No known allergies”, or the allergy), then answer here.</source>
        <translation>« {field} » : Non, mais la fiche d’admission indique que les allergies du patient ne sont pas encore connues. Interrogez le patient avant l’induction anesthésique et consignez d’abord la réponse sur la fiche d’admission (« Aucune allergie connue », ou l’allergie), puis répondez ici.</translation>
    </message>
    <message>
        <source>{order}, stopped {stop}</source>
        <translation>{order}, arrêtée le {stop}</translation>
    </message>
    <message>
        <source>{drug} matches the patient's recorded allergy: {allergies}; one was recorded after the reason in “{field}” was given: give the reason to prescribe it all the same now.</source>
        <translation>{drug} correspond à l’allergie enregistrée du patient : {allergies} ; l’une d’elles a été enregistrée après la raison donnée dans « {field} » : indiquez maintenant la raison de le prescrire malgré tout.</translation>
    </message>
    <message>
        <source>{drug} matches the recorded allergy: {allergies}. {since}: recorded after it was prescribed, not reviewed by the prescriber.</source>
        <translation>{drug} correspond à l’allergie enregistrée : {allergies}. {since} : enregistrée après la prescription, non revue par le prescripteur.</translation>
    </message>
    <message>
        <source>{allergy} — in the version on hold from {laptop}</source>
        <translation>{allergy} — dans la version en attente venant de {laptop}</translation>
    </message>
    <message>
        <source>Bed {bed} of ward {ward}: {name} came into this bed at {since}, after this arrival: first record where this patient went before then, or check the time and the bed.</source>
        <translation>Lit {bed} du service {ward} : {name} y est entré(e) le {since}, après cette arrivée : saisissez d’abord où ce patient est allé avant cette heure-là, ou vérifiez l’heure et le lit.</translation>
    </message>
    <message>
        <source>Bed {bed} of ward {ward}: {name} came into this bed at {since}, after this move: first record where this patient went before then, or check the time and the bed.</source>
        <translation>Lit {bed} du service {ward} : {name} y est entré(e) le {since}, après ce mouvement : saisissez d’abord où ce patient est allé avant cette heure-là, ou vérifiez l’heure et le lit.</translation>
    </message>
    <message>
        <source>{medicine}: {dose} g in one dose is {mg} mg, above a usual first dose by this route ({most} mg): an opioid is dosed in mg, write its dose in mg.</source>
        <translation>{medicine} : {dose} g en une prise font {mg} mg, au-dessus de la dose initiale habituelle par cette voie ({most} mg) : un opioïde se prescrit en mg, écrire sa dose en mg.</translation>
    </message>
    <message>
        <source>{medicine}: {dose} mg in one dose by this route is above a usual first dose ({most} mg) for a patient not already taking opioids, where a tenfold slip is likelier than a dose (NPSA/2008/RRR05): check it against the patient's current dose. For a patient already taking opioids, give the reason in “{field}”.</source>
        <translation>{medicine} : {dose} mg en une prise par cette voie dépasse la dose initiale habituelle ({most} mg) chez un patient ne prenant pas déjà d’opioïdes, où une erreur d’un facteur dix est plus probable qu’une dose voulue (NPSA/2008/RRR05) : la vérifier au regard de la dose actuelle du patient. Pour un patient prenant déjà des opioïdes, indiquer le motif dans « {field} ».</translation>
    </message>
    <message>
        <source>{medicine} in tablets: write the strength of each of its medicines in the medicine's name (e.g. “Paracetamol 500 mg”, “Co-codamol 30/500”): its limits could not weigh the dose, and a tablet of another strength may be given.</source>
        <translation>{medicine} en comprimés : écrivez le dosage de chacun de ses médicaments dans le nom du médicament (par ex. « Paracétamol 500 mg », « Co-codamol 30/500 ») : ses limites ne pourraient pas vérifier la dose, et un comprimé d’un autre dosage pourrait être donné.</translation>
    </message>
    <message>
        <source>{medicine} in tablets: write the tablet's strength in the medicine's name (e.g. “Digoxin 62.5 micrograms”, “Morphine sulfate MR 10 mg”): its tablets come in several strengths, and one of another may be given.</source>
        <translation>{medicine} en comprimés : écrivez le dosage du comprimé dans le nom du médicament (par ex. « Digoxine 62,5 microgrammes », « Morphine sulfate LP 10 mg ») : ses comprimés existent en plusieurs dosages, et un comprimé d’un autre dosage pourrait être donné.</translation>
    </message>
    <message>
        <source>Hyoscine butylbromide (Buscopan)</source>
        <translation>Butylbromure de scopolamine (Buscopan)</translation>
    </message>
    <message>
        <source>Alfentanil</source>
        <translation>Alfentanil</translation>
    </message>
    <message>
        <source>Glycopyrronium</source>
        <translation>Glycopyrronium</translation>
    </message>
    <message>
        <source>Hyoscine hydrobromide</source>
        <translation>Bromhydrate de scopolamine</translation>
    </message>
    <message>
        <source>Hyoscine butylbromide</source>
        <translation>Butylbromure de scopolamine</translation>
    </message>
    <message>
        <source>Midazolam</source>
        <translation>Midazolam</translation>
    </message>
    <message>
        <source>Haloperidol</source>
        <translation>Halopéridol</translation>
    </message>
    <message>
        <source>Levomepromazine</source>
        <translation>Lévomépromazine</translation>
    </message>
    <message>
        <source>{medicine} is dosed in micrograms, at most {most} micrograms in 24 h by syringe driver: {dose} {unit} is {times} times that. Did you mean {dose} micrograms?</source>
        <translation>{medicine} se prescrit en microgrammes, au plus {most} microgrammes sur 24 h au pousse-seringue : {dose} {unit}, c’est {times} fois plus. Vouliez-vous écrire {dose} microgrammes ?</translation>
    </message>
    <message>
        <source>{medicine} is dosed in micrograms: {dose} mg is a dose of another medicine, a hundredfold the dose. Name the salt meant: {other}, in mg, or {medicine}, in micrograms.</source>
        <translation>{medicine} se prescrit en microgrammes : {dose} mg, c’est la dose d’un autre médicament, cent fois plus forte. Nommez le sel voulu : {other}, en mg, ou {medicine}, en microgrammes.</translation>
    </message>
    <message>
        <source>{medicine}: {dose} {unit} in 24 h by syringe driver is above the most by this route ({most} micrograms in 24 h).</source>
        <translation>{medicine} : {dose} {unit} sur 24 h au pousse-seringue dépasse le maximum par cette voie ({most} microgrammes sur 24 h).</translation>
    </message>
    <message>
        <source>{medicine}: {dose} mL at the strength written is {micrograms} micrograms in 24 h by syringe driver, above the most by this route ({most} micrograms in 24 h): check the dose, and the strength (micrograms written as mg?).</source>
        <translation>{medicine} : {dose} mL à la concentration indiquée font {micrograms} microgrammes sur 24 h au pousse-seringue, au-delà du maximum par cette voie ({most} microgrammes sur 24 h) : vérifiez la dose et la concentration (des microgrammes écrits en mg ?).</translation>
    </message>
    <message>
        <source>{medicine}: {dose} mg in 24 h by syringe driver is above a usual starting dose ({most} mg in 24 h by this route) for a patient not already taking opioids, where a tenfold slip is likelier than a dose (NPSA/2008/RRR05, Scottish Palliative Care Guidelines): check it against the patient's current dose. For a patient already taking opioids, give their current dose and its conversion in “{field}”.</source>
        <translation>{medicine} : {dose} mg sur 24 h au pousse-seringue dépasse la dose initiale habituelle ({most} mg sur 24 h par cette voie) chez un patient ne prenant pas déjà d’opioïdes, où une erreur d’un facteur dix est plus probable qu’une dose voulue (NPSA/2008/RRR05, Scottish Palliative Care Guidelines) : la vérifier au regard de la dose actuelle du patient. Pour un patient prenant déjà des opioïdes, indiquer sa dose actuelle et la conversion dans « {field} ».</translation>
    </message>
    <message>
        <source>{medicine}: {dose} mg in one dose by this route is above the usual most ({most} mg, BNF), where a tenfold slip is likelier than a dose: check it. If it is meant, give the reason in “{field}”.</source>
        <translation>{medicine} : {dose} mg en une prise par cette voie dépasse le maximum habituel ({most} mg, BNF), où une erreur d’un facteur dix est plus probable qu’une dose voulue : la vérifier. Si elle est voulue, indiquer le motif dans « {field} ».</translation>
    </message>
    <message>
        <source>{medicine}: {dose} mg in 24 h by syringe driver is above the usual most ({most} mg in 24 h, BNF, Scottish Palliative Care Guidelines), where a tenfold slip is likelier than a dose: check it. If it is meant, give the reason in “{field}”.</source>
        <translation>{medicine} : {dose} mg sur 24 h au pousse-seringue dépasse le maximum habituel ({most} mg sur 24 h, BNF, Scottish Palliative Care Guidelines), où une erreur d’un facteur dix est plus probable qu’une dose voulue : la vérifier. Si elle est voulue, indiquer le motif dans « {field} ».</translation>
    </message>
    <message>
        <source>{medicine}: {dose} g is {mg} mg, above the usual most by this route ({most} mg): it is dosed in mg, write its dose in mg.</source>
        <translation>{medicine} : {dose} g font {mg} mg, au-dessus du maximum habituel par cette voie ({most} mg) : il se prescrit en mg, écrire sa dose en mg.</translation>
    </message>
    <message>
        <source>{medicine} is never given under {years} years, and the patient is {age} old: children who turn it into morphine fast have stopped breathing on usual doses (MHRA, ANSM 2013). Prescribe another analgesic.</source>
        <translation>{medicine} n’est jamais donnée avant {years} ans, et le patient a {age} : des enfants qui la transforment vite en morphine ont cessé de respirer à doses usuelles (MHRA, ANSM 2013). Prescrire un autre antalgique.</translation>
    </message>
    <message>
        <source>{medicine}: doses at least {hours} h apart, not {ordered} h.</source>
        <translation>{medicine} : au moins {hours} h entre deux doses, pas {ordered} h.</translation>
    </message>
    <message>
        <source>{order}: {amount} mg</source>
        <translation>{order} : {amount} mg</translation>
    </message>
    <message>
        <source>this order: {amount} mg</source>
        <translation>cette prescription : {amount} mg</translation>
    </message>
    <message>
        <source>{medicine}: as ordered, up to {amount} mg in 24 h ({orders}); at most {most} mg in 24 h.</source>
        <translation>{medicine} : selon la prescription, jusqu’à {amount} mg en 24 h ({orders}) ; au plus {most} mg en 24 h.</translation>
    </message>
    <message>
        <source>{medicine}: {dose} mg in one dose is above the most for one dose ({most} mg).</source>
        <translation>{medicine} : {dose} mg en une prise dépasse le maximum par prise ({most} mg).</translation>
    </message>
    <message>
        <source>{medicine}: {dose} {unit} in one dose is above the most by this route ({most} micrograms).</source>
        <translation>{medicine} : {dose} {unit} en une prise dépasse le maximum par cette voie ({most} microgrammes).</translation>
    </message>
    <message>
        <source>{medicine} is dosed in micrograms, at most {most} micrograms in one dose by this route: {dose} {unit} is {times} times that. Did you mean {dose} micrograms?</source>
        <translation>{medicine} se prescrit en microgrammes, au plus {most} microgrammes par prise par cette voie : {dose} {unit}, c’est {times} fois plus. Vouliez-vous écrire {dose} microgrammes ?</translation>
    </message>
    <message>
        <source>{medicine} is not dosed in {unit}: its limits could not be weighed. Write its dose in mg or g, or as tablets or mL of a stated strength.</source>
        <translation>{medicine} ne se prescrit pas en {unit} : ses doses maximales ne pourraient pas être vérifiées. Écrivez sa dose en mg ou en g, ou en comprimés ou en mL d’un dosage indiqué.</translation>
    </message>
    <message>
        <source>{drug} is dosed in units only: write its dose in units.</source>
        <translation>{drug} se prescrit en unités (UI) uniquement : écrivez sa dose en UI.</translation>
    </message>
    <message>
        <source>A dose in {unit} cannot be given by the route “{route}”; a dose in {unit} is given by: {routes}.</source>
        <translation>Une dose en {unit} ne peut pas être administrée par la voie « {route} » ; une dose en {unit} s’administre par : {routes}.</translation>
    </message>
    <message>
        <source>Diamorphine</source>
        <translation>Diamorphine</translation>
    </message>
    <message>
        <source>Hydromorphone</source>
        <translation>Hydromorphone</translation>
    </message>
    <message>
        <source>Oxycodone</source>
        <translation>Oxycodone</translation>
    </message>
    <message>
        <source>Morphine</source>
        <translation>Morphine</translation>
    </message>
    <message>
        <source>Fludrocortisone</source>
        <translation>Fludrocortisone</translation>
    </message>
    <message>
        <source>Alfacalcidol</source>
        <translation>Alfacalcidol</translation>
    </message>
    <message>
        <source>Ipratropium</source>
        <translation>Ipratropium</translation>
    </message>
    <message>
        <source>Salbutamol</source>
        <translation>Salbutamol</translation>
    </message>
    <message>
        <source>Fentanyl</source>
        <translation>Fentanyl</translation>
    </message>
    <message>
        <source>Levothyroxine</source>
        <translation>Lévothyroxine</translation>
    </message>
    <message>
        <source>Digoxin</source>
        <translation>Digoxine</translation>
    </message>
    <message>
        <source>{drug} {route} is taken once a week, on a set day, never daily: make it a regular order, “{weekly}” in “{field}”, starting on the day of its dose. A cancer protocol's daily doses are written as once-only doses.</source>
        <translation>{drug} {route} se prend une fois par semaine, un jour fixe, jamais tous les jours : prescrivez-le en systématique, « {weekly} » dans « {field} », à partir du jour de sa prise. Les prises quotidiennes d’un protocole de cancérologie se prescrivent en doses uniques.</translation>
    </message>
    <message>
        <source>{medicine}: at most {most} {unit} in 24 h</source>
        <translation>{medicine} : au plus {most} {unit} sur 24 h</translation>
    </message>
    <message>
        <source>{medicine}: at least {hours} h after the {time} dose ({order})</source>
        <translation>{medicine} : au moins {hours} h après la dose du {time} ({order})</translation>
    </message>
    <message>
        <source>“{loss}”: the weights of this stay show {percent} % lost, {heaviest} and {weight} kg now. Tick “{band}”, or, if this is not an unplanned loss (oedema or ascites gone, a planned loss), confirm {rounded} in “{field}” and say why in the notes.</source>
        <translation>« {loss} » : les poids du séjour montrent une perte de {percent} %, {heaviest} et {weight} kg ce jour. Cocher « {band} », ou, si cette perte n’est pas involontaire (œdème ou ascite résorbés, perte voulue), confirmer {rounded} dans « {field} » et dire pourquoi en remarque.</translation>
    </message>
    <message>
        <source>Tramadol</source>
        <translation>Tramadol</translation>
    </message>
    <message>
        <source>Codeine</source>
        <translation>Codéine</translation>
    </message>
    <message>
        <source>Ibuprofen</source>
        <translation>Ibuprofène</translation>
    </message>
    <message>
        <source>Paracetamol</source>
        <translation>Paracétamol</translation>
    </message>
    <message>
        <source>{weight} kg for {height} cm is a body mass index of {bmi}, hardly ever seen: check that neither the weight nor the height was mistyped.</source>
        <translation>{weight} kg pour {height} cm donne un indice de masse corporelle de {bmi}, presque jamais observé : vérifier que ni le poids ni la taille n’ont été mal saisis.</translation>
    </message>
    <message>
        <source>{weight} kg differs by {percent} % from the latest weight of this stay, {earlier}: weigh again, and check that it was not mistyped (6,2 typed for 62). Weight-based doses and the urine output per kilogram are worked out from it.</source>
        <translation>{weight} kg s’écarte de {percent} % du dernier poids du séjour, {earlier} : repeser, et vérifier qu’il n’y a pas d’erreur de saisie (6,2 tapé pour 62). Les doses au poids et la diurèse par kilo en sont calculées.</translation>
    </message>
    <message>
        <source>{field}: this laptop was in use at {time}, when this high-alert medicine was given: its second check is confirmed with the checker's own PIN, as for a dose given now. Untick it: it is for a dose given while the laptop was not in use.</source>
        <translation>{field} : cet ordinateur était utilisé à {time}, heure à laquelle ce médicament à haut risque a été administré : le double contrôle est confirmé avec le propre code de la personne qui contrôle, comme pour une dose donnée maintenant. Décochez cette case : elle est réservée aux doses données pendant que l’ordinateur n’était pas utilisé.</translation>
    </message>
    <message>
        <source>High-alert medicine: the second check must be made by a nurse or a doctor; {name} may not record care.</source>
        <translation>Médicament à haut risque : le double contrôle doit être fait par un infirmier ou un médecin ; {name} ne peut pas enregistrer de soins.</translation>
    </message>
    <message>
        <source>High-alert medicine: the second check must be made by someone other than the giver.</source>
        <translation>Médicament à haut risque : le double contrôle doit être fait par une autre personne que celle qui administre.</translation>
    </message>
    <message>
        <source>High-alert medicine: a second nurse or doctor must check the dose with their own PIN.</source>
        <translation>Médicament à haut risque : un second infirmier ou médecin doit contrôler la dose avec son propre code.</translation>
    </message>
    <message>
        <source>“{field}” must be Yes for {drug}, a time-critical medicine.</source>
        <translation>« {field} » doit être Oui pour {drug}, un médicament à horaire critique.</translation>
    </message>
    <message>
        <source>“{field}” must be Yes for {drug}, a high-alert medicine.</source>
        <translation>« {field} » doit être Oui pour {drug}, un médicament à haut risque.</translation>
    </message>
    <message>
        <source>{field}: this laptop was in use at {time}, when this controlled drug was given: its witness confirms the dose with their own PIN, as for a dose given now. Untick it: it is for a dose given while the laptop was not in use.</source>
        <translation>{field} : cet ordinateur était utilisé à {time}, heure à laquelle ce stupéfiant a été administré : le témoin confirme la dose avec son propre code, comme pour une dose donnée maintenant. Décochez cette case : elle est réservée aux doses données pendant que l’ordinateur n’était pas utilisé.</translation>
    </message>
    <message>
        <source>{medicine} is dosed by weight under 18, and no weight is recorded this stay: weigh the patient and check the dose (at most {per_dose} mg/kg a dose, {per_day} mg/kg in 24 h).</source>
        <translation>{medicine} se dose au poids avant 18 ans, et aucun poids n’est enregistré pour ce séjour : peser le patient et vérifier la dose (au plus {per_dose} mg/kg par prise, {per_day} mg/kg sur 24 h).</translation>
    </message>
    <message>
        <source>{time}: {amount} {unit}, this dose</source>
        <translation>{time} : {amount} {unit}, cette dose</translation>
    </message>
    <message>
        <source>{time}: {amount} {unit} ({order}), on hold, perhaps given</source>
        <translation>{time} : {amount} {unit} ({order}), en attente, peut-être donnée</translation>
    </message>
    <message>
        <source>{time}: {amount} {unit} ({order})</source>
        <translation>{time} : {amount} {unit} ({order})</translation>
    </message>
    <message>
        <source>{medicine}: with this dose, {amount} {unit} within 24 h; at most {most} {unit} in 24 h. Counted: {doses}.</source>
        <translation>{medicine} : avec cette dose, {amount} {unit} sur 24 h ; au plus {most} {unit} sur 24 h. Prises comptées : {doses}.</translation>
    </message>
    <message>
        <source>{medicine}: {dose} {unit} in one dose is above the most for one dose ({most} {unit}).</source>
        <translation>{medicine} : {dose} {unit} en une prise dépasse le maximum par prise ({most} {unit}).</translation>
    </message>
    <message>
        <source>{medicine}: a dose on hold, perhaps given (another laptop recorded it at {time}, {order}), is {minutes} min from this one; its doses are at least {hours} h apart.</source>
        <translation>{medicine} : une dose en attente, peut-être donnée (un autre portable l’a tracée à {time}, {order}), est à {minutes} min de celle-ci ; au moins {hours} h entre deux prises.</translation>
    </message>
    <message>
        <source>{medicine}: a dose was given {minutes} min from this one ({time}, {order}); its doses are at least {hours} h apart.</source>
        <translation>{medicine} : une dose a été donnée à {minutes} min de celle-ci ({time}, {order}) ; au moins {hours} h entre deux prises.</translation>
    </message>
    <message>
        <source>{allergy} — an immediate or severe reaction to a penicillin: cephalosporins and carbapenems are avoided after one (cross-reaction)</source>
        <translation>{allergy} — réaction immédiate ou sévère à une pénicilline : céphalosporines et carbapénèmes à éviter après celle-ci (allergie croisée)</translation>
    </message>
    <message>
        <source>{drug}: no capillary glucose charted in the 24 hours before {time}: check it before giving insulin.</source>
        <translation>{drug} : aucune glycémie capillaire notée dans les 24 heures précédant le {time} : la contrôler avant de donner l’insuline.</translation>
    </message>
    <message>
        <source>{drug}: no capillary glucose charted in the hour before {time}: check it before giving insulin.</source>
        <translation>{drug} : aucune glycémie capillaire notée dans l’heure précédant le {time} : la contrôler avant de donner l’insuline.</translation>
    </message>
    <message>
        <source>{drug}: the latest capillary glucose, {reading} at {time}, is a hypo not rechecked since: treat it and recheck the glucose before giving insulin.</source>
        <translation>{drug} : la dernière glycémie capillaire, {reading} le {time}, est une hypoglycémie non recontrôlée depuis : resucrer le patient et recontrôler la glycémie avant de donner l’insuline.</translation>
    </message>
    <message>
        <source>{drug}: a hypo, {reading} at {day} {hour}, in the last 24 hours: tell the prescriber before giving it (a sulfonylurea's hypo comes back for 24 to 36 hours).</source>
        <translation>{drug} : une hypoglycémie, {reading} le {day} à {hour}, dans les dernières 24 heures : prévenir le prescripteur avant de le donner (l’hypoglycémie sous sulfamide hypoglycémiant récidive pendant 24 à 36 heures).</translation>
    </message>
    <message>
        <source>Last minute: the operation was cancelled on its own day ({day}), which makes it a last-minute cancellation; answer Yes.</source>
        <translation>Dernière minute : l’intervention a été annulée le jour même ({day}), ce qui en fait une annulation de dernière minute ; répondez Oui.</translation>
    </message>
    <message>
        <source>Booking: this operation is booked for another patient (downtime number {number}); record what became of it under that patient.</source>
        <translation>Programmation : cette intervention est programmée pour un autre patient (n° procédure dégradée {number}) ; enregistrez ce qu’elle est devenue sous ce patient.</translation>
    </message>
    <message>
        <source>{said} (letter may not arrive: ring)</source>
        <translation>{said} (le courrier risque de ne pas arriver : téléphoner)</translation>
    </message>
    <message>
        <source>AFTER REBOOK-BY DATE {day}</source>
        <translation>APRÈS LA DATE LIMITE DE REPROGRAMMATION {day}</translation>
    </message>
    <message>
        <source>PAST NCEPOD TARGET (decided {when})</source>
        <translation>DÉLAI NCEPOD DÉPASSÉ (décidée le {when})</translation>
    </message>
    <message>
        <source>ANTICOAGULANT: {drugs}</source>
        <translation>ANTICOAGULANT : {drugs}</translation>
    </message>
    <message>
        <source>“{field}”: the operation is booked for a side ({side}): say why its site was not marked.</source>
        <translation>« {field} » : intervention programmée avec un côté ({side}) : préciser pourquoi le site n’a pas été marqué.</translation>
    </message>
    <message>
        <source>“{field}”: No, but the admission lists an allergy: {allergies}. Answer Yes and tell the team; if the admission is wrong, correct it first.</source>
        <translation>« {field} » : Non, alors que l’admission mentionne une allergie : {allergies}. Répondre Oui et prévenir l’équipe ; si l’admission est erronée, la corriger d’abord.</translation>
    </message>
    <message>
        <source>“{field}”: {missing} not taken, the score can only be higher: take them within the hour (choose 1 hour or less).</source>
        <translation>« {field} » : {missing} non pris, le score ne peut qu’être plus élevé : les prendre dans l’heure (choisir 1 heure ou moins).</translation>
    </message>
    <message>
        <source>“{field}”: a child scoring 8 or more, with a red flag, not alert, or with someone worried is observed at least hourly: choose 1 hour or less.</source>
        <translation>« {field} » : un enfant à 8 ou plus, avec un signe de gravité, pas alerte, ou pour qui quelqu’un est inquiet est surveillé au moins toutes les heures : choisir 1 heure ou moins.</translation>
    </message>
    <message>
        <source>“{field}”: oxygen is needed with an SpO2 of {spo2} % on air, under the target of {target} %: give it to the target and time it, or correct the readings.</source>
        <translation>« {field} » : l’oxygène est nécessaire avec une SpO2 de {spo2} % à l’air, sous la cible de {target} % : l’administrer jusqu’à la cible et en noter l’heure, ou corriger les constantes.</translation>
    </message>
    <message>
        <source>“{field}”: {time} is more than {hours} hours before the screening ({screened}): check the day and time of the doctor's review.</source>
        <translation>« {field} » : {time} est plus de {hours} heures avant le dépistage ({screened}) : vérifier le jour et l’heure de l’examen du médecin.</translation>
    </message>
    <message>
        <source>“{field}”: unit {unit} was restarted at {time}, after this stop: a unit that ended so is not restarted. If the patient had this reaction, stop the unit now if it runs, tell the doctor and the blood bank, and record the reaction on the end of its restart.</source>
        <translation>« {field} » : le produit {unit} a été repris le {time}, après cet arrêt : un produit arrêté ainsi n’est pas repris. Si le patient a eu cette réaction, arrêter le produit s’il passe encore, prévenir le médecin et l’hémovigilance, et noter la réaction sur la fin de sa reprise.</translation>
    </message>
    <message>
        <source>“{field}”: no anti-embolism stockings with what is ticked (NICE NG89: {reasons}): choose intermittent pneumatic compression, or another decision.</source>
        <translation>« {field} » : pas de bas anti-thrombose avec ce qui est coché (NICE NG89 : {reasons}) : choisir la compression pneumatique intermittente, ou une autre décision.</translation>
    </message>
    <message>
        <source>“{field}”: the unit was restarted at {time}, before this: its stop comes before its restart.</source>
        <translation>« {field} » : le produit a été repris le {time}, avant cela : son arrêt précède sa reprise.</translation>
    </message>
    <message>
        <source>“{field}”: unit {unit} left the fridge, or was first started, on {time}: 4 hours or more before this restart. A unit is finished within 4 hours of leaving the fridge, restarted or not; do not restart it: return it to the blood bank.</source>
        <translation>« {field} » : le produit {unit} est sorti du réfrigérateur, ou a été posé pour la première fois, le {time} : 4 heures ou plus avant cette reprise. Un produit se passe dans les 4 heures suivant sa sortie du réfrigérateur, repris ou non ; ne pas le reprendre : le retourner à l’EFS.</translation>
    </message>
    <message>
        <source>“{field}”: answered otherwise when unit {unit} was first started, on {time}: a unit restarted is the same unit. Check its label; a mistake in that record is corrected by amending it.</source>
        <translation>« {field} » : réponse différente lors de la première pose du produit {unit}, le {time} : un produit repris est le même produit. Vérifier son étiquette ; une erreur dans cet enregistrement se corrige en le modifiant.</translation>
    </message>
    <message>
        <source>“{field}”: unit {unit} was stopped at {time}, after this: a unit is restarted after its stop.</source>
        <translation>« {field} » : le produit {unit} a été arrêté le {time}, après cela : un produit se reprend après son arrêt.</translation>
    </message>
    <message>
        <source>“{field}”: unit {unit} ended on {time}: {outcome}. A unit is restarted only once stopped for another reason, or for a temperature or a rash alone the doctor was told of; do not restart it: ask the doctor and the blood bank.</source>
        <translation>« {field} » : le produit {unit} s’est terminé le {time} : {outcome}. Un produit n’est repris qu’après un arrêt pour un autre motif, ou pour une fièvre ou une éruption seule dont le médecin a été prévenu ; ne pas le reprendre : appeler le médecin et l’EFS.</translation>
    </message>
    <message>
        <source>“{field}”: unit {unit} is recorded as running since {time}: record its stop first, then its restart.</source>
        <translation>« {field} » : le produit {unit} est noté en cours depuis le {time} : noter d’abord son arrêt, puis sa reprise.</translation>
    </message>
    <message>
        <source>“{field}”: no start of unit {unit} is recorded for this patient before this one: a unit's first start is no restart.</source>
        <translation>« {field} » : aucune pose du produit {unit} n’est saisie chez ce patient avant celle-ci : la première pose d’un produit n’est pas une reprise.</translation>
    </message>
    <message>
        <source>“{field}”: unit {unit} was started for this patient on {time} and stopped on {stopped}: to restart it, answer “{restart}” Yes.</source>
        <translation>« {field} » : le produit {unit} a été posé chez ce patient le {time} et arrêté le {stopped} : pour le reprendre, répondre Oui à « {restart} ».</translation>
    </message>
    <message>
        <source>dosage repeats every {period} {unit}, which the order form cannot say</source>
        <translation>la posologie a une période de {period} {unit}, que le formulaire de prescription ne permet pas de saisir</translation>
    </message>
    <message>
        <source>{drug} is given every {days} days from {start}; {day} is not one of its days.</source>
        <translation>{drug} est prescrit tous les {days} jours à partir du {start} ; le {day} n’est pas un de ses jours d’administration.</translation>
    </message>
    <message>
        <source>This patient's death is recorded ({when}): no admission follows it. If it was recorded for the wrong patient, mark it entered in error first.</source>
        <translation>Le décès de ce patient est enregistré ({when}) : aucune admission ne peut le suivre. S’il a été saisi pour un autre patient, marquez-le d’abord comme saisi par erreur.</translation>
    </message>
    <message>
        <source>“{field}”: unit {unit} is recorded as running since {time}: record its end first (given in full or stopped), at or before the time the patient leaves.</source>
        <translation>« {field} » : le produit {unit} est noté en cours depuis le {time} : noter d’abord sa fin (passé en totalité ou arrêté), au plus tard à l’heure du départ du patient.</translation>
    </message>
    <message>
        <source>“{field}”: answered for every unit of red cells: Compatible once the card is done at the bedside, or “{none_here}” where the hospital has no card; do not start the unit before.</source>
        <translation>« {field} » : à renseigner pour chaque CGR : Compatible une fois la carte faite au lit du patient, ou « {none_here} » là où l’hôpital n’a pas de carte ; ne pas poser le produit avant.</translation>
    </message>
    <message>
        <source>“{field}”: {time}, 4 hours or more before the start: a unit is finished within 4 hours of leaving the fridge; do not start it: return it to the blood bank.</source>
        <translation>« {field} » : {time}, 4 heures ou plus avant la pose : un produit se passe dans les 4 heures suivant sa sortie du réfrigérateur ; ne pas le poser : le retourner à l’EFS.</translation>
    </message>
    <message>
        <source>“{field}”: unit {unit} was started already, for {name}, {number}, on {time}: a unit is given once. Check the unit's label; a mistake in that record is corrected by amending it.</source>
        <translation>« {field} » : le produit {unit} a déjà été posé, chez {name}, {number}, le {time} : un produit ne se pose qu’une fois. Vérifier l’étiquette du produit ; une erreur dans cet enregistrement se corrige en le modifiant.</translation>
    </message>
    <message>
        <source>“{field}”: blood is prescribed for this patient in the app ({prescription}): name the prescription it is given on.</source>
        <translation>« {field} » : du sang est prescrit pour ce patient dans l’application ({prescription}) : choisir la prescription sur laquelle ce produit est posé.</translation>
    </message>
    <message>
        <source>“{field}”: the prescription of {time} ({component}) asks for {missing} for this patient, which the unit's label does not show: a need of the patient's, for every unit but plasma and cryoprecipitate; do not start it; ask the blood bank.</source>
        <translation>« {field} » : la prescription du {time} ({component}) demande {missing} pour ce patient, que l’étiquette du produit n’indique pas : un besoin du patient, pour tout produit sauf plasma et cryoprécipité ; ne pas le poser ; appeler l’EFS.</translation>
    </message>
    <message>
        <source>“{field}”: the patient's group is not known yet: only group AB {component} is given (group A only as the blood bank issued it, high-titre negative); do not start this unit; ask the blood bank.</source>
        <translation>« {field} » : groupe du patient pas encore connu : {component} de groupe AB seulement (de groupe A seulement si l’EFS l’a délivré ainsi, à titre faible d’anti-B) ; ne pas poser ce produit ; appeler l’EFS.</translation>
    </message>
    <message>
        <source>“{field}”: this patient's group was recorded as {group} with unit {unit} on {time}: group {unit_group} is not compatible with it for {component}; do not start it; ask the blood bank.</source>
        <translation>« {field} » : le groupe de ce patient a été saisi {group} avec le produit {unit} le {time} : {component} de groupe {unit_group}, non compatible avec ce groupe ; ne pas le poser ; appeler l’EFS.</translation>
    </message>
    <message>
        <source>NO SAFETY CHECKLIST recorded</source>
        <translation>AUCUNE CHECK-LIST DE SÉCURITÉ enregistrée</translation>
    </message>
    <message>
        <source>The patient is not admitted at that time.</source>
        <translation>Le patient n’est pas hospitalisé à ce moment-là.</translation>
    </message>
    <message>
        <source>The order is not active at that time (not started or stopped).</source>
        <translation>La prescription n’est pas active à ce moment-là (pas commencée ou arrêtée).</translation>
    </message>
    <message>
        <source>{drug} matches the recorded allergy: {allergies}.</source>
        <translation>{drug} correspond à l’allergie enregistrée : {allergies}.</translation>
    </message>
    <message>
        <source>The {slot} dose of {drug} is given {early} early; it falls due from {due}.</source>
        <translation>La dose de {slot} de {drug} est donnée {early} en avance ; elle est à donner à partir de {due}.</translation>
    </message>
    <message>
        <source>The {slot} dose of {drug} is recorded not given {early} before its time; it leaves the round.</source>
        <translation>La dose de {slot} de {drug} est tracée non administrée {early} avant son heure ; elle sort du tour des médicaments.</translation>
    </message>
    <message>
        <source>{drug} as required was given {minutes} min ago; that order allows a dose every {hours} h.</source>
        <translation>{drug} si besoin : une dose a été donnée il y a {minutes} min ; cette prescription permet une dose toutes les {hours} h.</translation>
    </message>
    <message>
        <source>{drug} as required is recorded {minutes} min after this dose; that order allows a dose every {hours} h.</source>
        <translation>{drug} si besoin : une dose est tracée {minutes} min après celle-ci ; cette prescription permet une dose toutes les {hours} h.</translation>
    </message>
    <message>
        <source>The {slot} dose of {drug} is due at the time of this one and is not recorded yet; the order's doses are {hours} h apart.</source>
        <translation>La dose de {slot} de {drug} est prévue à l’heure de celle-ci et n’est pas encore tracée ; les doses de la prescription sont espacées de {hours} h.</translation>
    </message>
    <message>
        <source>The {slot} dose of {drug} is due {minutes} min from this one and is not recorded yet; the order's doses are {hours} h apart.</source>
        <translation>La dose de {slot} de {drug} est prévue {minutes} min après celle-ci et n’est pas encore tracée ; les doses de la prescription sont espacées de {hours} h.</translation>
    </message>
    <message>
        <source>The {slot} dose of {drug} is recorded as given at the time of this one; the order's doses are {hours} h apart.</source>
        <translation>La dose de {slot} de {drug} est tracée comme donnée à l’heure de celle-ci ; les doses de la prescription sont espacées de {hours} h.</translation>
    </message>
    <message>
        <source>The {slot} dose of {drug} was given {minutes} min before this one; the order's doses are {hours} h apart.</source>
        <translation>La dose de {slot} de {drug} a été donnée {minutes} min avant celle-ci ; les doses de la prescription sont espacées de {hours} h.</translation>
    </message>
    <message>
        <source>The {slot} dose of {drug} is recorded as given {minutes} min after this one; the order's doses are {hours} h apart.</source>
        <translation>La dose de {slot} de {drug} est tracée comme donnée {minutes} min après celle-ci ; les doses de la prescription sont espacées de {hours} h.</translation>
    </message>
    <message>
        <source>A dose on hold, perhaps given (another laptop recorded it at {time}), is {minutes} min from this one; the order allows one every {hours} h.</source>
        <translation>Une dose en attente, peut-être donnée (un autre portable l’a tracée à {time}), est à {minutes} min de celle-ci ; la prescription en permet une toutes les {hours} h.</translation>
    </message>
    <message>
        <source>A dose of {order} on hold, perhaps given (another laptop recorded it at {time}), is {minutes} min from this one; this order allows a dose every {hours} h.</source>
        <translation>Une dose de {order} en attente, peut-être donnée (un autre portable l’a tracée à {time}), est à {minutes} min de celle-ci ; cette prescription permet une dose toutes les {hours} h.</translation>
    </message>
    <message>
        <source>A dose is recorded {minutes} min after this one; the order allows one every {hours} h.</source>
        <translation>Une dose est enregistrée {minutes} min après celle-ci ; la prescription en permet une toutes les {hours} h.</translation>
    </message>
    <message>
        <source>Telephone order taken {taken} and not countersigned by a doctor within 24 hours: ask a doctor to countersign it (or to write it) before giving.</source>
        <translation>Prescription téléphonique reçue le {taken} et non contresignée par un médecin sous 24 heures : demandez à un médecin de la contresigner (ou de la rédiger) avant d’administrer.</translation>
    </message>
    <message>
        <source>Dose {dose} {unit} is above the most one dose of the order may be ({ordered} {unit}), whatever its rule gives.</source>
        <translation>La dose {dose} {unit} dépasse le maximum par prise de la prescription ({ordered} {unit}), quoi que donne sa règle.</translation>
    </message>
    <message>
        <source>A dose of {order} from another order (at {times}, from {start}) is on hold, perhaps given (another laptop recorded it at {time}); is this medicine ordered twice?</source>
        <translation>Une dose de {order} d’une autre prescription (à {times}, depuis le {start}) est en attente, peut-être donnée (un autre portable l’a tracée à {time}) ; ce médicament est-il prescrit deux fois ?</translation>
    </message>
    <message>
        <source>A dose of {order} from another order (once, at {start}) is on hold, perhaps given (another laptop recorded it at {time}); is this medicine ordered twice?</source>
        <translation>Une dose de {order} d’une autre prescription (dose unique, le {start}) est en attente, peut-être donnée (un autre portable l’a tracée à {time}) ; ce médicament est-il prescrit deux fois ?</translation>
    </message>
    <message>
        <source>“{field}”: {count} times; at most {most} a day (one each hour).</source>
        <translation>« {field} » : {count} heures ; {most} par jour au plus (une par heure).</translation>
    </message>
    <message>
        <source>“{field}”: {time} is written twice.</source>
        <translation>« {field} » : {time} est écrite deux fois.</translation>
    </message>
    <message>
        <source>The admission records this patient nil by mouth, and {drug} is given {route}: give it by mouth only if the doctor or the speech and language therapist allows it, and say who in the reason.</source>
        <translation>Le dossier d’admission indique ce patient à jeun, et {drug} est donné par voie {route} : ne le donner par la bouche que si le médecin ou l’orthophoniste l’autorise, et dire qui dans la raison.</translation>
    </message>
    <message>
        <source>{drug} is a time-critical medicine: wake the patient to give it (Parkinson's UK “Get It On Time”; NPSA RRR009). Not given while asleep: tell the doctor, and say why in the reason.</source>
        <translation>{drug} est un médicament à horaire critique : réveiller le patient pour le lui donner (Parkinson’s UK « Get It On Time » ; NPSA RRR009). Non donné car endormi : prévenir le médecin, et dire pourquoi dans la raison.</translation>
    </message>
    <message>
        <source>{drug} is a time-critical medicine (Parkinson's UK “Get It On Time”; NPSA RRR009): offer it again within 30 minutes. Still not taken, tell the doctor now (another form or route), and say who decided in the reason.</source>
        <translation>{drug} est un médicament à horaire critique (Parkinson's UK « Get It On Time » ; NPSA RRR009) : le proposer de nouveau dans les 30 minutes. S’il n’est toujours pas pris, prévenir le médecin maintenant (autre forme ou autre voie), et dire qui a décidé dans la raison.</translation>
    </message>
    <message>
        <source>{drug} is a time-critical medicine: nil by mouth or a hold does not stop it (Parkinson's UK “Get It On Time”; NPSA RRR009). Ask the doctor now for another route (NG, dispersible, patch), and say who decided in the reason.</source>
        <translation>{drug} est un médicament à horaire critique : ni le jeûne ni une suspension ne l’arrêtent (Parkinson's UK « Get It On Time » ; NPSA RRR009). Demander maintenant au médecin une autre voie (sonde nasogastrique, forme dispersible, patch), et dire qui a décidé dans la raison.</translation>
    </message>
    <message>
        <source>The {slot} dose of {drug} is recorded nil by mouth {early} before its time; it comes back on the round when due, marked recorded nil by mouth.</source>
        <translation>La dose de {slot} de {drug} est tracée « à jeun » {early} avant son heure ; elle revient dans le tour des médicaments à son heure, marquée tracée « à jeun ».</translation>
    </message>
    <message>
        <source>{order} is running since {time} from another order (from {start}); is this medicine ordered twice?</source>
        <translation>{order} est en cours depuis {time} sur une autre prescription (depuis le {start}) ; ce médicament est-il prescrit deux fois ?</translation>
    </message>
    <message>
        <source>“{field}”: {first} and {second} are {minutes} min apart; a regular order's times are at least {least} min apart.</source>
        <translation>« {field} » : {first} et {second} sont à {minutes} min d’intervalle ; les heures d’une prescription systématique sont espacées d’au moins {least} min.</translation>
    </message>
    <message>
        <source>The {slot} dose of {drug} is on hold, perhaps given (another laptop recorded it at {time}), {minutes} min from this one; the order's doses are {hours} h apart.</source>
        <translation>La dose de {slot} de {drug} est en attente, peut-être donnée (un autre portable l’a tracée à {time}), à {minutes} min de celle-ci ; les doses de la prescription sont espacées de {hours} h.</translation>
    </message>
    <message>
        <source>A dose was given {minutes} min before this dose (last: {time}); the order allows one every {hours} h.</source>
        <translation>Une dose a été donnée {minutes} min avant celle-ci (dernière : {time}) ; la prescription en permet une toutes les {hours} h.</translation>
    </message>
    <message>
        <source>{order} was given {minutes} min ago from another order; this order allows a dose every {hours} h.</source>
        <translation>{order} a été administré il y a {minutes} min sur une autre prescription ; cette prescription permet une dose toutes les {hours} h.</translation>
    </message>
    <message>
        <source>{order} was given {minutes} min before this dose from another order (last: {time}); this order allows a dose every {hours} h.</source>
        <translation>{order} a été donné {minutes} min avant cette dose, sur une autre prescription (dernière : {time}) ; cette prescription permet une dose toutes les {hours} h.</translation>
    </message>
    <message>
        <source>{order} is recorded as given {minutes} min after this dose from another order; this order allows a dose every {hours} h.</source>
        <translation>{order} est enregistré comme administré {minutes} min après cette dose sur une autre prescription ; cette prescription permet une dose toutes les {hours} h.</translation>
    </message>
    <message>
        <source>A dose of {drug} as required on hold, perhaps given (another laptop recorded it at {time}), is {minutes} min from this one; that order allows a dose every {hours} h.</source>
        <translation>Une dose de {drug} si besoin en attente, peut-être donnée (un autre portable l’a tracée à {time}), est à {minutes} min de celle-ci ; cette prescription permet une dose toutes les {hours} h.</translation>
    </message>
    <message>
        <source>{drug} as required was given {minutes} min before this dose (last: {time}); that order allows a dose every {hours} h.</source>
        <translation>{drug} si besoin : une dose a été donnée {minutes} min avant celle-ci (dernière : {time}) ; cette prescription permet une dose toutes les {hours} h.</translation>
    </message>
    <message>
        <source>the order allows at most {limit}</source>
        <translation>la prescription en permet au plus {limit}</translation>
    </message>
    <message>
        <source>the order allows at most {most} {unit} ({limit} × {dose} {dose_unit}), and they come to {amount} {unit}</source>
        <translation>la prescription en permet au plus {most} {unit} ({limit} × {dose} {dose_unit}), et elles font {amount} {unit}</translation>
    </message>
    <message>
        <source>{drug} as required allows at most {most} {unit} ({limit} × {dose} {dose_unit}), and they come to {amount} {unit}</source>
        <translation>{drug} si besoin en permet au plus {most} {unit} ({limit} × {dose} {dose_unit}), et elles font {amount} {unit}</translation>
    </message>
    <message>
        <source>With this dose, {count} doses fall within 24 h; {allowed}.</source>
        <translation>Avec cette dose, {count} doses tombent dans les mêmes 24 h ; {allowed}.</translation>
    </message>
    <message>
        <source>With this dose, {count} doses fall within 24 h; {allowed}. Given from another order: {doses}.</source>
        <translation>Avec cette dose, {count} doses tombent dans les mêmes 24 h ; {allowed}. Données sur une autre prescription : {doses}.</translation>
    </message>
    <message>
        <source>With this dose, {count} doses fall within 24 h, {held} of them on hold and perhaps given; {allowed}.</source>
        <translation>Avec cette dose, {count} doses tombent dans les mêmes 24 h, dont {held} en attente et peut-être données ; {allowed}.</translation>
    </message>
    <message>
        <source>With this dose, {count} doses fall within 24 h, {held} of them on hold and perhaps given; {allowed}. Given from another order: {doses}.</source>
        <translation>Avec cette dose, {count} doses tombent dans les mêmes 24 h, dont {held} en attente et peut-être données ; {allowed}. Données sur une autre prescription : {doses}.</translation>
    </message>
    <message>
        <source>{drug} as required allows at most {limit}</source>
        <translation>{drug} si besoin en permet au plus {limit}</translation>
    </message>
    <message>
        <source>The {time} dose of {drug} was already given.</source>
        <translation>La dose de {time} de {drug} a déjà été administrée.</translation>
    </message>
    <message>
        <source>Route {route} differs from the order ({ordered}).</source>
        <translation>La voie {route} diffère de la prescription ({ordered}).</translation>
    </message>
    <message>
        <source>Allergies not known yet: ask the patient or their family before giving.</source>
        <translation>Allergies non encore connues : interroger le patient ou sa famille avant d’administrer.</translation>
    </message>
    <message>
        <source>{order} was given at {time} from another order (at {times}, from {start}); is this medicine ordered twice?</source>
        <translation>{order} a été administré à {time} sur une autre prescription (à {times}, depuis le {start}) ; ce médicament est-il prescrit deux fois ?</translation>
    </message>
    <message>
        <source>{order} was given at {time} from another order (once, at {start}); is this medicine ordered twice?</source>
        <translation>{order} a été administré à {time} sur une autre prescription (dose unique, le {start}) ; ce médicament est-il prescrit deux fois ?</translation>
    </message>
    <message>
        <source>Last dose was {minutes} min ago; the order allows one every {hours} h.</source>
        <translation>Dernière dose il y a {minutes} min ; la prescription en permet une toutes les {hours} h.</translation>
    </message>
    <message>
        <source>Dose {dose} {unit} differs from the order ({ordered} {unit}).</source>
        <translation>La dose {dose} {unit} diffère de la prescription ({ordered} {unit}).</translation>
    </message>
    <message>
        <source>Medication order</source>
        <translation>Prescription</translation>
    </message>
    <message>
        <source>Medication administration</source>
        <translation>Administration de médicament</translation>
    </message>
    <message>
        <source>Admission, allergies and movements</source>
        <translation>Admission, allergies et mouvements</translation>
    </message>
    <message>
        <source>Theatre</source>
        <translation>Bloc</translation>
    </message>
    <message>
        <source>Observations and other records</source>
        <translation>Surveillance et autres saisies</translation>
    </message>
    <message>
        <source>Discharge, death or transfer out</source>
        <translation>Sortie, décès ou transfert vers un autre établissement</translation>
    </message>
    <message>
        <source>the ward ({ward_said}) said: {reason}; recorded by {clerk}, {time}</source>
        <translation>le service ({ward_said}) a dit : {reason} ; noté par {clerk}, {time}</translation>
    </message>
    <message>
        <source>version {version} by {author}, {time}</source>
        <translation>version {version} par {author}, {time}</translation>
    </message>
    <message>
        <source>(entered in error)</source>
        <translation>(saisie par erreur)</translation>
    </message>
    <message>
        <source>the same dose (due {due}) was also recorded on {laptop} by {author}, {given}: ask the ward whether it is one dose recorded twice before entering both</source>
        <translation>la même dose (prévue le {due}) a aussi été tracée sur {laptop} par {author}, {given} : demander au service s’il s’agit d’une seule dose tracée deux fois avant de saisir les deux</translation>
    </message>
    <message>
        <source>given {time}</source>
        <translation>administrée le {time}</translation>
    </message>
    <message>
        <source>Prescriber: {who}</source>
        <translation>Prescripteur : {who}</translation>
    </message>
    <message>
        <source>{number}'s admission records the hospital number (IPP) {ipp}, not {ehr}: check the EHR; link to another number only if the admission's is wrong.</source>
        <translation>L’admission de {number} indique le n° hospitalier (IPP) {ipp}, pas {ehr} : vérifiez dans le DPI ; ne liez à un autre numéro que si celui de l’admission est faux.</translation>
    </message>
    <message>
        <source>Given by: {who}</source>
        <translation>Donnée par : {who}</translation>
    </message>
    <message>
        <source>Recorded by: {who}</source>
        <translation>Tracé par : {who}</translation>
    </message>
    <message>
        <source>{by}; changed by {who}</source>
        <translation>{by} ; modifié par {who}</translation>
    </message>
    <message>
        <source>marked not given {time}</source>
        <translation>notée non administrée le {time}</translation>
    </message>
    <message>
        <source>its order was withdrawn (entered in error) on {laptop} by {author}, {time}: {reason}. Ask the ward or the prescriber before entering this dose</source>
        <translation>sa prescription a été annulée (saisie par erreur) sur {laptop} par {author}, {time} : {reason}. Demander au service ou au prescripteur avant de saisir cette dose</translation>
    </message>
    <message>
        <source>this patient's admission was withdrawn (entered in error) on {laptop} by {author}, {time}: {reason}. Ask the ward before entering this record</source>
        <translation>l’admission de ce patient a été annulée (saisie par erreur) sur {laptop} par {author}, {time} : {reason}. Demander au service avant de saisir cet enregistrement</translation>
    </message>
    <message>
        <source>the same unit of blood (donation number) was also started for another patient at {at} on {laptop} by {author}, {time}: a unit is given once; ask the ward and the blood bank whether it was given at the wrong bedside or its number mistyped before entering it</source>
        <translation>le même produit sanguin (numéro de don) a aussi été posé à un autre patient à {at} sur {laptop} par {author}, {time} : un produit se pose une fois ; demander au service et à l’EFS s’il a été posé au mauvais patient ou si son numéro a été mal saisi avant de le saisir</translation>
    </message>
    <message>
        <source>bed {bed} of ward {ward} was held by another patient{whose} from {at} (recorded on {laptop} by {author}, {time}) while this record puts this patient in it: ask the ward which bed each was in before entering it</source>
        <translation>le lit {bed} du service {ward} était occupé par un autre patient{whose} depuis le {at} (tracé sur {laptop} par {author}, {time}) quand cet enregistrement y met ce patient : demander au service dans quel lit était chacun avant de le saisir</translation>
    </message>
    <message>
        <source>this move's time was changed to after the patient's move to bed {bed} of ward {ward} at {at}, recorded on {laptop} by {author}, {time}, after this move was first written: replayed, it puts the patient back where they had left; ask the ward where they were before entering it</source>
        <translation>l’heure de ce mouvement a été changée pour venir après le mouvement du patient vers le lit {bed} du service {ward} le {at}, tracé sur {laptop} par {author}, {time}, après la première saisie de ce mouvement : rejoué, il remet le patient là d’où il était parti ; demander au service où il était avant de le saisir</translation>
    </message>
    <message>
        <source>changed nothing (the date it cancels no longer stood when it came): do not enter it; mark it entered in error on {laptop}</source>
        <translation>n’a rien changé (la date qu’elle annule ne tenait plus quand elle est arrivée) : ne pas la saisir ; la marquer saisie par erreur sur {laptop}</translation>
    </message>
    <message>
        <source>rebooked twice: another date was given on {laptop} by {author}, {time}: enter neither until a coordinator has rung the patient with the date kept and marked the other rebooking entered in error, then enter the one kept</source>
        <translation>reprogrammée deux fois : une autre date a été donnée sur {laptop} par {author}, {time} : ne saisir ni l’une ni l’autre tant qu’un coordinateur n’a pas appelé le patient avec la date retenue et marqué l’autre reprogrammation saisie par erreur, puis saisir celle retenue</translation>
    </message>
    <message>
        <source>rebooked and transferred: the operation was sent to {hospital} on {laptop} by {author}, {time}: enter neither until a coordinator has rung the patient with the decision kept and marked the other entered in error, then enter the one kept</source>
        <translation>reprogrammée et transférée : l’opération a été adressée à {hospital} sur {laptop} par {author}, {time} : ne saisir ni l’une ni l’autre tant qu’un coordinateur n’a pas appelé le patient avec la décision retenue et marqué l’autre saisie par erreur, puis saisir celle retenue</translation>
    </message>
    <message>
        <source>rebooked and transferred: a new date was given on {laptop} by {author}, {time}: enter neither until a coordinator has rung the patient with the decision kept and marked the other entered in error, then enter the one kept</source>
        <translation>reprogrammée et transférée : une nouvelle date a été donnée sur {laptop} par {author}, {time} : ne saisir ni l’une ni l’autre tant qu’un coordinateur n’a pas appelé le patient avec la décision retenue et marqué l’autre saisie par erreur, puis saisir celle retenue</translation>
    </message>
    <message>
        <source>that record is in the EHR already (reference {reference}): enter this one only if the ward says it is not the same dose</source>
        <translation>cette fiche est déjà dans le DPI (référence {reference}) : ne saisir celle-ci que si le service dit qu’il ne s’agit pas de la même dose</translation>
    </message>
    <message>
        <source>that record is in the EHR (reference {reference})</source>
        <translation>cette fiche est dans le DPI (référence {reference})</translation>
    </message>
    <message>
        <source>version {version} of that record is in the EHR (reference {reference}); it was amended since</source>
        <translation>la version {version} de cette fiche est dans le DPI (référence {reference}) ; elle a été modifiée depuis</translation>
    </message>
    <message>
        <source>the ward said that record is not to be entered ({ward_said}: {reason})</source>
        <translation>le service a dit de ne pas saisir cette fiche ({ward_said} : {reason})</translation>
    </message>
    <message>
        <source>{said}: enter this one only if the ward says it is not the same dose</source>
        <translation>{said} : ne saisir celle-ci que si le service dit qu’il ne s’agit pas de la même dose</translation>
    </message>
    <message>
        <source>{said}: enter this one</source>
        <translation>{said} : saisir celle-ci</translation>
    </message>
    <message>
        <source>EHR patient {ehr} is {numbers} too: enter this admission only if it is another stay, not the same one twice</source>
        <translation>le patient DPI {ehr} est aussi {numbers} : ne saisir cette admission que s’il s’agit d’un autre séjour, pas du même deux fois</translation>
    </message>
    <message>
        <source>SETTLED OTHERWISE AT ANOTHER OFFICE: {settled}; not taken here, where the hold was settled otherwise: ask the ward which version is right and back-enter the record as the ward says, then tick it off</source>
        <translation>TRANCHÉ AUTREMENT PAR UN AUTRE BUREAU : {settled} ; non retenu ici, où l’attente a été tranchée autrement : demandez au service quelle version est juste, ressaisissez l’enregistrement comme le service le dit, puis cochez-le</translation>
    </message>
    <message>
        <source>entered in the EHR under patient {old}, linked to EHR patient {new} since: move it there in the EHR, then mark it moved</source>
        <translation>saisie dans le DPI sous le patient {old}, lié depuis au patient DPI {new} : la déplacer vers celui-ci dans le DPI, puis la marquer déplacée</translation>
    </message>
    <message>
        <source>CHECK THE IDENTITY: linked to EHR patient {ehr}, but the admission now records the hospital number (IPP) {ipp}: check the identity and re-link before entering anything</source>
        <translation>VÉRIFIER L’IDENTITÉ : lié au patient DPI {ehr}, mais l’admission indique désormais le n° hospitalier (IPP) {ipp} : vérifiez l’identité et refaites le lien avant de saisir quoi que ce soit</translation>
    </message>
    <message>
        <source>on hold — two laptops disagree from version {version}: enter neither until the wards say which is right</source>
        <translation>en attente — deux portables divergent à partir de la version {version} : n’en saisir aucune avant que les services disent laquelle est juste</translation>
    </message>
    <message>
        <source>entered</source>
        <translation>saisi</translation>
    </message>
    <message>
        <source>not entered</source>
        <translation>non saisi</translation>
    </message>
    <message>
        <source>withdraw in the EHR (entered in error here; version {version} was entered, EHR reference {reference})</source>
        <translation>à retirer du DPI (saisie par erreur ici ; la version {version} a été saisie, référence DPI {reference})</translation>
    </message>
    <message>
        <source>withdraw in the EHR (entered in error here)</source>
        <translation>à retirer du DPI (saisie par erreur ici)</translation>
    </message>
    <message>
        <source>move in the EHR to patient {ehr}</source>
        <translation>à déplacer dans le DPI vers le patient {ehr}</translation>
    </message>
    <message>
        <source>do not enter</source>
        <translation>à ne pas saisir</translation>
    </message>
    <message>
        <source>check with the ward (version {version} was entered, EHR reference {reference})</source>
        <translation>vérifier avec le service (la version {version} a été saisie, référence DPI {reference})</translation>
    </message>
    <message>
        <source>check with the ward (version {version} was entered)</source>
        <translation>vérifier avec le service (la version {version} a été saisie)</translation>
    </message>
    <message>
        <source>correct in the EHR (version {version} was entered, EHR reference {reference})</source>
        <translation>à corriger dans le DPI (la version {version} a été saisie, référence DPI {reference})</translation>
    </message>
    <message>
        <source>correct in the EHR (version {version} was entered)</source>
        <translation>à corriger dans le DPI (la version {version} a été saisie)</translation>
    </message>
    <message>
        <source>enter</source>
        <translation>à saisir</translation>
    </message>
    <message>
        <source>version {version} was not entered: {said}</source>
        <translation>la version {version} n’a pas été saisie : {said}</translation>
    </message>
    <message>
        <source>identity provisional: create it as provisional in the EHR, without the INS, until an identity document is seen</source>
        <translation>identité provisoire : la créer comme provisoire dans le DPI, sans l’INS, tant qu’aucune pièce d’identité n’a été vue</translation>
    </message>
    <message>
        <source>(admission not imported yet)</source>
        <translation>(admission pas encore importée)</translation>
    </message>
    <message>
        <source>{number} has nothing on the back-entry list.</source>
        <translation>{number} n’a rien sur la liste de ressaisie.</translation>
    </message>
    <message>
        <source>Probably the same person as {numbers} ({why}): link both to one EHR patient number, and enter the admission once.</source>
        <translation>Probablement la même personne que {numbers} ({why}) : rattacher les deux à un seul numéro patient du DPI, et saisir l’admission une seule fois.</translation>
    </message>
    <message>
        <source>Not the same person as {numbers} ({why}): the ward told them apart when admitting them. Enter each under their own EHR patient; do not link them to one.</source>
        <translation>Pas la même personne que {numbers} ({why}) : le service les a distingués à l’admission. Saisissez chacun sous son propre patient du DPI ; ne les rattachez pas à un seul.</translation>
    </message>
    <message>
        <source>{count} on hold</source>
        <translation>{count} en attente</translation>
    </message>
    <message>
        <source>Give the EHR's reference for what was entered (e.g. its order or event number).</source>
        <translation>Donnez la référence du DPI pour ce qui a été saisi (ex. : son numéro de prescription ou d’événement).</translation>
    </message>
    <message>
        <source>This record is on hold: two laptops disagree from version {version}. Enter neither until the wards say which is right.</source>
        <translation>Cette fiche est en attente : deux portables divergent à partir de la version {version}. N’en saisissez aucune avant que les services disent laquelle est juste.</translation>
    </message>
    <message>
        <source>This record now stands at version {version}; review that version first.</source>
        <translation>Cet enregistrement est maintenant à la version {version} ; vérifiez d’abord cette version.</translation>
    </message>
    <message>
        <source>another end of this unit of blood was also recorded on {laptop} by {author}: ended {at}, {outcome}; ask the ward which is true before entering it; a reaction on either is reported to the blood bank</source>
        <translation>une autre fin de ce produit sanguin a aussi été saisie sur {laptop} par {author} : terminé le {at}, {outcome} ; demander au service laquelle est vraie avant de la saisir ; une réaction sur l’une ou l’autre est déclarée à l’hémovigilance</translation>
    </message>
    <message>
        <source>enter first what it points to, not in the EHR yet: {form} of {time}, at the start of the list (not about a patient)</source>
        <translation>saisir d’abord ce à quoi elle renvoie, pas encore dans le DPI : {form} du {time}, en début de liste (sans patient)</translation>
    </message>
    <message>
        <source>the other record asked about was amended or withdrawn since the ward's answer ({said}): ask the ward again</source>
        <translation>l’autre enregistrement sur lequel le service a été interrogé a été modifié ou retiré depuis sa réponse ({said}) : redemandez au service</translation>
    </message>
    <message>
        <source>{order}, up {time}</source>
        <translation>{order}, posée {time}</translation>
    </message>
    <message>
        <source>Told apart from {numbers} by the ward, yet sharing {why}: check each one's identity (carte Vitale, identity document) before linking. A number mistyped on one admission is likelier than one person told apart by mistake: correct it, and link both to one EHR patient number only if their identities match.</source>
        <translation>Distingué de {numbers} par le service, mais avec {why} : vérifier l’identité de chacun (carte Vitale, pièce d’identité) avant de rattacher. Un numéro mal saisi à une admission est plus probable qu’une même personne distinguée par erreur : le corriger, et ne rattacher les deux à un seul numéro patient du DPI que si leurs identités concordent.</translation>
    </message>
    <message>
        <source>This version is already marked as entered in the EHR.</source>
        <translation>Cette version est déjà marquée saisie dans le DPI.</translation>
    </message>
    <message>
        <source>No record {record} here: copy its id from the end of its line in `downtime worklist`.</source>
        <translation>Aucun enregistrement {record} ici : copiez son identifiant à la fin de sa ligne dans `downtime worklist`.</translation>
    </message>
    <message>
        <source>Say who at the ward said it is not to be entered (e.g. Sr Dubois, 3B, by phone).</source>
        <translation>Indiquez qui, dans le service, a dit de ne pas la saisir (p. ex. Sr Dubois, 3B, par téléphone).</translation>
    </message>
    <message>
        <source>Give the ward's reason it is not to be entered (e.g. one dose recorded twice).</source>
        <translation>Donnez la raison du service pour ne pas la saisir (p. ex. une seule dose tracée deux fois).</translation>
    </message>
    <message>
        <source>This line does not say to ask the ward: enter it in the EHR. Only a line that says to ask the ward can be marked not to be entered, with the ward's answer.</source>
        <translation>Cette ligne ne dit pas de demander au service : saisissez-la dans le DPI. Seule une ligne qui dit de demander au service peut être marquée à ne pas saisir, avec la réponse du service.</translation>
    </message>
    <message>
        <source>Version {version} of this record is in the EHR already: correct or withdraw it there as the ward says, then mark it entered.</source>
        <translation>La version {version} de cette fiche est déjà dans le DPI : corrigez-la ou retirez-la là comme le dit le service, puis marquez-la saisie.</translation>
    </message>
    <message>
        <source>This version is already marked not to be entered.</source>
        <translation>Cette version est déjà marquée à ne pas saisir.</translation>
    </message>
    <message>
        <source>This end of the unit records a reaction: a reaction on either end is reported, so it is entered. If the ward says it is wrong, it is withdrawn on its laptop; mark the other end not to be entered instead if the ward says so.</source>
        <translation>Cette fin du produit signale une réaction : une réaction sur l’une ou l’autre fin est déclarée, elle est donc saisie. Si le service dit qu’elle est fausse, elle est annulée sur son portable ; marquer plutôt l’autre fin comme à ne pas saisir si le service le dit.</translation>
    </message>
    <message>
        <source>The other record of this dose ({record}) is marked not to be entered already: the dose would be nowhere in the EHR. Enter this one.</source>
        <translation>L’autre fiche de cette dose ({record}) est déjà marquée à ne pas saisir : la dose ne serait nulle part dans le DPI. Saisissez celle-ci.</translation>
    </message>
    <message>
        <source>Nothing of record {record} is to be moved in the EHR: it was entered under the EHR number its patient is linked to, or marked moved there already.</source>
        <translation>Rien de la fiche {record} n’est à déplacer dans le DPI : elle a été saisie sous le numéro DPI auquel son patient est lié, ou déjà marquée déplacée.</translation>
    </message>
    <message>
        <source>This record was sent in an earlier FHIR bundle: with the ward's answer recorded, the next bundle marks it entered in error in the EHR.</source>
        <translation>Cet enregistrement a été envoyé dans un bundle FHIR précédent : une fois la réponse du service enregistrée, le bundle suivant le marque saisi par erreur dans le DPI.</translation>
    </message>
    <message>
        <source>{number} was given to two patients, by two laptops set up with the same device number: give it as the list shows it, {shown}.</source>
        <translation>{number} a été donné à deux patients, par deux portables configurés avec le même numéro d’appareil : donnez-le tel que la liste l’affiche, {shown}.</translation>
    </message>
    <message>
        <source>{number} is already linked to EHR patient {ehr}: nothing changed.</source>
        <translation>{number} est déjà lié au patient {ehr} du DPI : rien n’a changé.</translation>
    </message>
    <message>
        <source>{form} of {time} (EHR reference {reference})</source>
        <translation>{form} du {time} (référence DPI {reference})</translation>
    </message>
    <message>
        <source>{number} is linked to EHR patient {ehr}; none of their records is marked entered in the EHR yet.</source>
        <translation>{number} est lié au patient {ehr} du DPI ; aucune de ses fiches n’est encore marquée saisie dans le DPI.</translation>
    </message>
    <message>
        <source>{number} is linked to EHR patient {ehr}, and {count} of their record(s) are marked entered in the EHR under that number: {records}. Linked to {new} instead, move them in the EHR from patient {ehr} to patient {new}.</source>
        <translation>{number} est lié au patient {ehr} du DPI, et {count} de ses fiches sont marquées saisies dans le DPI sous ce numéro : {records}. S’il est lié à {new} à la place, déplacez-les dans le DPI du patient {ehr} vers le patient {new}.</translation>
    </message>
    <message>
        <source>Move in the EHR, from patient {ehr} to patient {new}, the {count} record(s) entered under {ehr}: {records}.</source>
        <translation>Déplacez dans le DPI, du patient {ehr} vers le patient {new}, la ou les {count} fiche(s) saisie(s) sous {ehr} : {records}.</translation>
    </message>
    <message>
        <source>Give the patient's number in the EHR.</source>
        <translation>Donnez le numéro du patient dans le DPI.</translation>
    </message>
    <message>
        <source>EHR number {ehr} is already linked to {others}: link it again only if they are the same person.</source>
        <translation>Le numéro DPI {ehr} est déjà relié à {others} : ne le relier à nouveau que s’il s’agit de la même personne.</translation>
    </message>
    <message>
        <source>No patient has the downtime number {number}.</source>
        <translation>Aucun patient n’a le numéro de procédure dégradée {number}.</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Faible</translation>
    </message>
    <message>
        <source>Low-medium</source>
        <translation>Faible-moyen</translation>
    </message>
    <message>
        <source>MEDIUM</source>
        <translation>MOYEN</translation>
    </message>
    <message>
        <source>HIGH</source>
        <translation>ÉLEVÉ</translation>
    </message>
    <message>
        <source>respiration rate</source>
        <translation>fréquence respiratoire</translation>
    </message>
    <message>
        <source>SpO2</source>
        <translation>SpO2</translation>
    </message>
    <message>
        <source>air or oxygen</source>
        <translation>air ou oxygène</translation>
    </message>
    <message>
        <source>systolic blood pressure</source>
        <translation>pression artérielle systolique</translation>
    </message>
    <message>
        <source>pulse</source>
        <translation>pouls</translation>
    </message>
    <message>
        <source>consciousness</source>
        <translation>conscience</translation>
    </message>
    <message>
        <source>temperature</source>
        <translation>température</translation>
    </message>
    <message>
        <source> (3 in one parameter)</source>
        <translation> (3 sur un paramètre)</translation>
    </message>
    <message>
        <source> (incomplete: {missing} not taken)</source>
        <translation> (incomplet, manque : {missing})</translation>
    </message>
    <message>
        <source>Incomplete set and no complete set recorded: the risk may be higher than this score; take a complete set.</source>
        <translation>Série incomplète et aucune série complète enregistrée : le risque peut être plus élevé que ce score ; faites une série complète.</translation>
    </message>
    <message>
        <source>Incomplete set: until a complete set is taken, the risk is judged by an earlier incomplete set that scored higher ({score} at {time}).</source>
        <translation>Série incomplète : jusqu’à une série complète, le risque est jugé sur une série incomplète antérieure dont le score est plus élevé ({score} à {time}).</translation>
    </message>
    <message>
        <source>Incomplete set: until a complete set is taken, the risk is judged by the last complete set ({score} at {time}), or by this set if it scores higher.</source>
        <translation>Série incomplète : jusqu’à une série complète, le risque est jugé sur la dernière série complète ({score} à {time}), ou sur celle-ci si son score est plus élevé.</translation>
    </message>
    <message>
        <source>no database at {path}</source>
        <translation>aucune base à {path}</translation>
    </message>
    <message>
        <source>{path} is encrypted: sign in with a staff ID and PIN to open it</source>
        <translation>{path} est chiffrée : connectez-vous avec un identifiant et un code pour l’ouvrir</translation>
    </message>
    <message>
        <source>{path} cannot be opened as a Downtime database: {problem}</source>
        <translation>{path} ne peut pas être ouverte comme base Downtime : {problem}</translation>
    </message>
    <message>
        <source>The disk is full: you can read and print, not record. Free space or move the database.</source>
        <translation>Le disque est plein : vous pouvez consulter et imprimer, pas saisir. Libérez de la place ou déplacez la base.</translation>
    </message>
    <message>
        <source>The database's folder cannot be written to: you can read and print, not record. Move the database to a folder you can write to.</source>
        <translation>Le dossier de la base est en lecture seule : vous pouvez consulter et imprimer, pas saisir. Déplacez la base dans un dossier où l’on peut écrire.</translation>
    </message>
    <message>
        <source>the database is busy: an import, or another program, is writing to it (try again once it ends)</source>
        <translation>la base de données est occupée : une importation, ou un autre programme, y écrit (réessayez quand elle sera finie)</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>le disque est plein</translation>
    </message>
    <message>
        <source>the disk could not be read or written (a removed USB stick, or a failing disk)</source>
        <translation>le disque n’a pas pu être lu ou écrit (clé USB retirée, ou disque défaillant)</translation>
    </message>
    <message>
        <source>the disk or folder is read-only</source>
        <translation>le disque ou le dossier est en lecture seule</translation>
    </message>
    <message>
        <source>the disk was removed</source>
        <translation>le disque a été retiré</translation>
    </message>
    <message>
        <source>Could not write to {path}: {cause}. Nothing was written.</source>
        <translation>Impossible d’écrire dans {path} : {cause}. Rien n’a été écrit.</translation>
    </message>
    <message>
        <source>the database file is read-only (a locked USB stick, or file permissions)</source>
        <translation>le fichier de la base est en lecture seule (clé USB verrouillée ou droits du fichier)</translation>
    </message>
    <message>
        <source>the database file cannot be opened (a removed USB stick, or file permissions)</source>
        <translation>le fichier de la base ne peut pas être ouvert (clé USB retirée, ou droits du fichier)</translation>
    </message>
    <message>
        <source>Not done: {cause}. Nothing was half-written; call IT if it happens again.</source>
        <translation>Non effectué : {cause}. Rien n’a été écrit à moitié ; appelez l’informatique si cela se reproduit.</translation>
    </message>
    <message>
        <source>the disk refused the write ({problem})</source>
        <translation>le disque a refusé l’écriture ({problem})</translation>
    </message>
    <message>
        <source>Draft not kept: {cause}. Your form is still open: keep it open and save it, or write the record on the paper form.</source>
        <translation>Brouillon non gardé : {cause}. Votre formulaire est toujours ouvert : gardez-le ouvert et enregistrez-le, ou notez la saisie sur le formulaire papier.</translation>
    </message>
    <message>
        <source>Not saved: {cause}. Nothing was half-saved and your form is still open: keep it open, write the record on the paper form if needed, and call IT.</source>
        <translation>Non enregistré : {cause}. Rien n’a été enregistré à moitié et votre formulaire est toujours ouvert : gardez-le ouvert, notez la saisie sur le formulaire papier si besoin, et appelez l’informatique.</translation>
    </message>
    <message>
        <source>This session has no database file to back up.</source>
        <translation>Cette session n’a pas de fichier de base à sauvegarder.</translation>
    </message>
    <message>
        <source>backup to {folder} failed: the folder is not there (is the USB stick removed?)</source>
        <translation>la sauvegarde vers {folder} a échoué : le dossier est absent (la clé USB est-elle retirée ?)</translation>
    </message>
    <message>
        <source>Backups: every 1 to 1440 minutes, keeping 1 to 1000.</source>
        <translation>Sauvegardes : toutes les 1 à 1440 minutes, en gardant 1 à 1000.</translation>
    </message>
    <message>
        <source>Backups folder: give its whole path (e.g. /media/USB/backups or E:\backups); leave it empty for the laptop's own folder.</source>
        <translation>Dossier des sauvegardes : indiquer son chemin complet (par ex. /media/USB/sauvegardes ou E:\sauvegardes) ; le laisser vide pour le dossier du portable.</translation>
    </message>
    <message>
        <source>Backups folder {folder} is not there: plug in the USB stick (or create the folder), then save again.</source>
        <translation>Le dossier des sauvegardes {folder} est absent : brancher la clé USB (ou créer le dossier), puis enregistrer à nouveau.</translation>
    </message>
    <message>
        <source>Backups folder {folder} cannot be written to ({problem}): is the USB stick write-protected (its switch), or the folder not yours? Then save again.</source>
        <translation>Impossible d’écrire dans le dossier de sauvegarde {folder} ({problem}) : la clé USB est-elle protégée en écriture (son curseur), ou le dossier ne vous appartient-il pas ? Puis enregistrez à nouveau.</translation>
    </message>
    <message>
        <source>{field}: {form} of {time} would then fall outside the patient's stay; correct or withdraw it first.</source>
        <translation>{field} : {form} du {time} tomberait alors hors du séjour du patient ; corrigez cet enregistrement ou retirez-le d’abord.</translation>
    </message>
    <message>
        <source>This patient is already admitted; record a transfer instead.</source>
        <translation>Ce patient est déjà hospitalisé ; saisissez plutôt un transfert.</translation>
    </message>
    <message>
        <source>This patient is not in hospital at that time (not yet admitted, or already discharged, deceased or transferred out).</source>
        <translation>Ce patient n’est pas hospitalisé à ce moment-là (pas encore admis, ou déjà sorti, décédé ou transféré).</translation>
    </message>
    <message>
        <source>This conflicts with the patient's {record} of {when}: the patient would not be in hospital then, or would be admitted twice. Correct that record first, or mark it entered in error.</source>
        <translation>Cela contredit la fiche « {record} » du {when} de ce patient : il ne serait pas hospitalisé à ce moment-là, ou serait admis deux fois. Corrigez d’abord cette fiche, ou marquez-la saisie par erreur.</translation>
    </message>
    <message>
        <source>Ward {ward} has no bed {bed}; its beds: {beds}.</source>
        <translation>Le service {ward} n’a pas de lit {bed} ; ses lits : {beds}.</translation>
    </message>
    <message>
        <source>Unknown ward {ward}; wards: {wards}.</source>
        <translation>Service {ward} inconnu ; services : {wards}.</translation>
    </message>
    <message>
        <source>{held} held (deceased)</source>
        <translation>{held} occupé(s) par un défunt</translation>
    </message>
    <message>
        <source>Bed {bed} of ward {ward} is taken by {name} since {since}; choose another bed or move that patient first (to swap two patients' beds: move one to the ward with no bed, then each into the other's bed, all at the same time).</source>
        <translation>Le lit {bed} du service {ward} est occupé par {name} depuis le {since} ; choisissez un autre lit ou déplacez d’abord ce patient (pour échanger les lits de deux patients : mettez l’un dans le service sans lit, puis chacun dans le lit de l’autre, tous à la même heure).</translation>
    </message>
    <message>
        <source>Bed {bed} of ward {ward} is taken by {name} since {since}; choose another bed or move that patient first.</source>
        <translation>Le lit {bed} du service {ward} est occupé par {name} depuis le {since} ; choisissez un autre lit ou déplacez d’abord ce patient.</translation>
    </message>
    <message>
        <source>Bed {bed} of ward {ward} was taken by {name} from {since} to {until}; check the times, or choose another bed.</source>
        <translation>Le lit {bed} du service {ward} était occupé par {name} du {since} au {until} ; vérifiez les heures, ou choisissez un autre lit.</translation>
    </message>
    <message>
        <source>{field}: this patient is not in hospital at that time (not yet admitted, or gone): check the patient and the time.</source>
        <translation>{field} : ce patient n’est pas hospitalisé à ce moment-là (pas encore admis, ou parti) : vérifiez le patient et l’heure.</translation>
    </message>
    <message>
        <source>{fields}: cannot be changed once a dose has been recorded from this order; stop it (amend its stop time) and write a new order.</source>
        <translation>{fields} : ne peut plus être modifié une fois une administration enregistrée pour cette prescription ; l’arrêter (modifier son heure d’arrêt) et rédiger une nouvelle prescription.</translation>
    </message>
    <message>
        <source>Controlled drug: a second staff member must witness with their own PIN.</source>
        <translation>Stupéfiant : un second soignant doit témoigner avec son propre code.</translation>
    </message>
    <message>
        <source>“{field}” must be Yes for {drug}, a controlled drug.</source>
        <translation>« {field} » doit être Oui pour {drug}, un stupéfiant.</translation>
    </message>
    <message>
        <source>{drug} matches the patient's recorded allergy: {allergies}. Give the reason to prescribe it all the same in “{field}”.</source>
        <translation>{drug} correspond à l’allergie enregistrée du patient : {allergies}. Indiquez dans « {field} » la raison de cette prescription malgré tout.</translation>
    </message>
    <message>
        <source>Another laptop recorded the {time} dose of {drug} as given; this laptop's record of it was withdrawn, and the two are on hold.</source>
        <translation>Un autre portable a tracé la dose de {time} de {drug} comme donnée ; sur ce portable, elle a été annulée, et les deux sont en attente.</translation>
    </message>
    <message>
        <source>Another laptop recorded the {time} dose of {drug} as given; this laptop holds no record of it but the versions on hold.</source>
        <translation>Un autre portable a tracé la dose de {time} de {drug} comme donnée ; ce portable n’en a aucune trace hormis les versions en attente.</translation>
    </message>
    <message>
        <source>Controlled drug: the witness must be a different person from the giver.</source>
        <translation>Stupéfiant : le témoin doit être une autre personne que celle qui administre.</translation>
    </message>
    <message>
        <source>Controlled drug: the witness must be a nurse or a doctor; {name} may not record care.</source>
        <translation>Stupéfiant : le témoin doit être un infirmier ou un médecin ; {name} ne peut pas enregistrer de soins.</translation>
    </message>
    <message>
        <source>Controlled-drug register: ward {ward} holds {balance} {unit} of {drug}; {quantity} cannot be given from it. Check the ward and the page the dose was taken from, then count the cupboard with a witness (Cupboard count): a dose given before that count is then charted without being taken from the register again.</source>
        <translation>Registre des stupéfiants : le service {ward} détient {balance} {unit} de {drug} ; {quantity} ne peut pas en être prélevé. Vérifiez le service et la page d’où la dose a été prise, puis comptez l’armoire avec un témoin (Comptage de l’armoire) : une dose administrée avant ce comptage est alors enregistrée sans être déduite une seconde fois du registre.</translation>
    </message>
    <message>
        <source>Controlled-drug register: name the drug and its unit.</source>
        <translation>Registre des stupéfiants : indiquer le médicament et son unité.</translation>
    </message>
    <message>
        <source>{count} dose(s) were recorded from this order. A dose given stays on the chart, even one given to the wrong patient (they had it): stop the order instead (amend its stop time) and write the right patient's. Only a dose recorded by mistake, never given, is withdrawn first, from the chart.</source>
        <translation>{count} dose(s) ont été enregistrée(s) sur cette prescription. Une dose administrée reste sur le diagramme, même administrée au mauvais patient (il l’a reçue) : arrêtez plutôt la prescription (modifiez son heure d’arrêt) et rédigez celle du bon patient. Seule une dose enregistrée par erreur, jamais administrée, est d’abord retirée du diagramme.</translation>
    </message>
    <message>
        <source>{field}: this patient is deceased at that time (since {since}): check the patient and the time.</source>
        <translation>{field} : ce patient est décédé à ce moment-là (depuis {since}) : vérifiez le patient et l’heure.</translation>
    </message>
    <message>
        <source>{field}: this patient is discharged at that time (since {since}): check the patient and the time.</source>
        <translation>{field} : ce patient est sorti à ce moment-là (depuis {since}) : vérifiez le patient et l’heure.</translation>
    </message>
    <message>
        <source>{field}: this patient is transferred to another hospital at that time (since {since}): check the patient and the time.</source>
        <translation>{field} : ce patient est transféré dans un autre établissement à ce moment-là (depuis {since}) : vérifiez le patient et l’heure.</translation>
    </message>
    <message>
        <source>“{field}” cannot be changed: mark this order entered in error and write the right one.</source>
        <translation>« {field} » ne peut pas être modifié : marquez cette prescription saisie par erreur et rédigez la bonne.</translation>
    </message>
    <message>
        <source>“{stop}” is before “{start}”: the order would never be given.</source>
        <translation>« {stop} » est avant « {start} » : la prescription ne serait jamais administrée.</translation>
    </message>
    <message>
        <source>“{stop}” is the time of “{start}”: the order would never be given.</source>
        <translation>« {stop} » est l’heure de « {start} » : la prescription ne serait jamais administrée.</translation>
    </message>
    <message>
        <source>Allergies not known yet: ask the patient or their family before prescribing.</source>
        <translation>Allergies non encore connues : interroger le patient ou sa famille avant de prescrire.</translation>
    </message>
    <message>
        <source>Already ordered: {orders}.</source>
        <translation>Déjà prescrit : {orders}.</translation>
    </message>
    <message>
        <source>{drug}: the patient fell at {time} with {injury} and no CT head is recorded done or decided against: an anticoagulant makes a bleed in the head worse. Ask the doctor before giving it.</source>
        <translation>{drug} : le patient a chuté le {time} avec {injury} et aucun scanner cérébral n’est noté fait ni jugé non indiqué : un anticoagulant aggrave un saignement intracrânien. Demandez au médecin avant de le donner.</translation>
    </message>
    <message>
        <source>a head injury</source>
        <translation>un traumatisme crânien</translation>
    </message>
    <message>
        <source>a possible head injury</source>
        <translation>un traumatisme crânien possible</translation>
    </message>
    <message>
        <source>{drug}: LEVEL FLAGGED CRITICAL ({timing} {result}): hold and ask the doctor.</source>
        <translation>{drug} : DOSAGE SIGNALÉ CRITIQUE ({timing} {result}) : suspendre et appeler le médecin.</translation>
    </message>
    <message>
        <source>{drug}: LEVEL FLAGGED CRITICAL ({result}, received {received}): hold and ask the doctor.</source>
        <translation>{drug} : DOSAGE SIGNALÉ CRITIQUE ({result}, reçu le {received}) : suspendre et appeler le médecin.</translation>
    </message>
    <message>
        <source>{drug}: LEVEL FLAGGED ABNORMAL ({timing} {result}), not read as a number against its range: check it before giving.</source>
        <translation>{drug} : DOSAGE SIGNALÉ ANORMAL ({timing} {result}), non lu comme un nombre à comparer aux valeurs de référence : le vérifier avant d’administrer.</translation>
    </message>
    <message>
        <source>{drug}: LEVEL FLAGGED ABNORMAL ({result}, received {received}), not read as a number against its range: check it before giving.</source>
        <translation>{drug} : DOSAGE SIGNALÉ ANORMAL ({result}, reçu le {received}), non lu comme un nombre à comparer aux valeurs de référence : le vérifier avant d’administrer.</translation>
    </message>
    <message>
        <source>“{field}”: “{reason}” cannot be recorded before the {slot} dose falls due ({due}); offer it then. Only nil by mouth, held or other can be recorded ahead.</source>
        <translation>« {field} » : « {reason} » ne peut pas être tracé avant que la dose de {slot} soit à donner ({due}) ; la proposer alors. Seuls « à jeun », « suspendu » ou « autre » peuvent être tracés à l’avance.</translation>
    </message>
    <message>
        <source>“{field}”: “{reason}” cannot be recorded before the {slot} dose falls due ({due}), and this dose is recorded at {at}. Only nil by mouth, held or other can be recorded ahead: if the dose was offered since, mark this record entered in error with the reason, then record it from the round.</source>
        <translation>« {field} » : « {reason} » ne peut pas être tracé avant que la dose de {slot} soit à donner ({due}), et cette dose est tracée à {at}. Seuls « à jeun », « suspendu » ou « autre » peuvent être tracés à l’avance : si la dose a été proposée depuis, marquez cette fiche saisie par erreur avec le motif, puis tracez-la depuis le tour des médicaments.</translation>
    </message>
    <message>
        <source>{drug} matches the recorded allergy: {allergies}. Prescribed all the same: “{reason}”.</source>
        <translation>{drug} correspond à l’allergie enregistrée : {allergies}. Prescription maintenue malgré tout : « {reason} ».</translation>
    </message>
    <message>
        <source>Another laptop recorded the {time} dose of {drug} as given; this laptop recorded it not given, and the two are on hold.</source>
        <translation>Un autre portable a tracé la dose de {time} de {drug} comme donnée ; sur ce portable, elle a été tracée non donnée, et les deux sont en attente.</translation>
    </message>
    <message>
        <source>{field}: wrong PIN for {name}.</source>
        <translation>{field} : code erroné pour {name}.</translation>
    </message>
    <message>
        <source>{field}: {staff_id} is not a nurse or a doctor of this laptop's staff.</source>
        <translation>{field} : {staff_id} n’est ni infirmier ni médecin du personnel de ce portable.</translation>
    </message>
    <message>
        <source>{field}: only for a dose given at least {minutes} minutes before it is typed; a dose given now is witnessed with the witness's own PIN.</source>
        <translation>{field} : seulement pour une dose donnée au moins {minutes} minutes avant sa saisie ; une dose donnée maintenant est attestée avec le code du témoin.</translation>
    </message>
    <message>
        <source>{order} stopped at the end of the stay of {date}: no dose is given from it. If it still stands, a prescriber prescribes it again, from the patient's chart.</source>
        <translation>{order} : arrêtée à la fin du séjour du {date}, aucune dose n’en est donnée. Si elle reste indiquée, un prescripteur la prescrit à nouveau, depuis le plan d’administration du patient.</translation>
    </message>
    <message>
        <source>Controlled drug: name the witness who signed the paper chart.</source>
        <translation>Stupéfiant : indiquez le témoin qui a signé le plan d’administration papier.</translation>
    </message>
    <message>
        <source>Controlled-drug register: ward {ward} keeps {drug} on more than one page in {unit} ({pages}); choose the page the dose was taken from.</source>
        <translation>Registre des stupéfiants : le service {ward} tient {drug} sur plus d’une page en {unit} ({pages}) ; choisissez la page sur laquelle la dose a été prélevée.</translation>
    </message>
    <message>
        <source>Controlled-drug register: ward {ward} has no page {page} in {unit} for {drug}; its pages for it: {pages}.</source>
        <translation>Registre des stupéfiants : le service {ward} n’a pas de page {page} en {unit} pour {drug} ; ses pages pour ce médicament : {pages}.</translation>
    </message>
    <message>
        <source>Controlled-drug register: “{quantity}” is not a quantity: give a number.</source>
        <translation>Registre des stupéfiants : « {quantity} » n’est pas une quantité : donner un nombre.</translation>
    </message>
    <message>
        <source>Controlled-drug register: a quantity received is above zero; a cupboard holding less than the register is counted (Cupboard count), the difference written as a discrepancy.</source>
        <translation>Registre des stupéfiants : une quantité reçue est supérieure à zéro ; une armoire contenant moins que le registre se compte (Comptage de l’armoire), la différence enregistrée comme un écart.</translation>
    </message>
    <message>
        <source>{difference} {unit} fewer than the register ({balance} {unit})</source>
        <translation>{difference} {unit} de moins que le registre ({balance} {unit})</translation>
    </message>
    <message>
        <source>{difference} {unit} more than the register ({balance} {unit})</source>
        <translation>{difference} {unit} de plus que le registre ({balance} {unit})</translation>
    </message>
    <message>
        <source>Controlled-drug register: the balance cannot go below zero.</source>
        <translation>Registre des stupéfiants : le solde ne peut pas devenir négatif.</translation>
    </message>
    <message>
        <source>Controlled-drug register: {counted} {unit} counted, {difference}. A discrepancy is written only with a note saying who was told (the nurse in charge, the pharmacist).</source>
        <translation>Registre des stupéfiants : {counted} {unit} compté(s), {difference}. Un écart n’est enregistré qu’avec une remarque indiquant qui a été prévenu (le cadre de santé, le pharmacien).</translation>
    </message>
    <message>
        <source>Controlled-drug register: {counted} {unit} counted, as the register holds: there is no discrepancy to report.</source>
        <translation>Registre des stupéfiants : {counted} {unit} compté(s), comme au registre : il n’y a pas d’écart à signaler.</translation>
    </message>
    <message>
        <source>{giver} (gave it; entered by {author})</source>
        <translation>{giver} (a administré ; saisi par {author})</translation>
    </message>
    <message>
        <source>witness on paper: {witness} (transcribed by {author} at {at})</source>
        <translation>témoin sur papier : {witness} (retranscrit par {author} le {at})</translation>
    </message>
    <message>
        <source>No dose of {drug} has been given from ward {ward}'s register: wastage is recorded against a dose given (a withdrawn dose takes none).</source>
        <translation>Aucune dose de {drug} n’a été administrée sur le registre du service {ward} : un reliquat détruit s’enregistre sur une dose administrée (une dose annulée n’en a pas).</translation>
    </message>
    <message>
        <source>Controlled-drug register: a patch is taken from the register whole when it is applied: nothing of it is left to discard. The patch taken off is charted with the dose (Previous patch: removed).</source>
        <translation>Registre des stupéfiants : un patch est sorti du registre entier quand il est posé : il n’en reste rien à détruire. Le patch retiré est noté avec la dose (Patch précédent : Retiré).</translation>
    </message>
    <message>
        <source>Controlled-drug register: what was left of this dose's ampoule was recorded discarded already, {quantity} {unit} on {when} by {author}, witnessed by {witness}, against the dose given at {given} withdrawn ({reason}). If that wastage was wrong, mark it entered in error first.</source>
        <translation>Registre des stupéfiants : le reste de l’ampoule de cette dose a déjà été noté détruit, {quantity} {unit} le {when} par {author}, en présence de {witness}, pour la dose donnée le {given} annulée ({reason}). Si cette destruction était erronée, marquez-la d’abord saisie par erreur.</translation>
    </message>
    <message>
        <source>Controlled-drug register: this infusion is still up on the chart: chart its stop first (Stopped (bag taken down)), then record what was left in it destroyed.</source>
        <translation>Registre des stupéfiants : cette perfusion est toujours en cours sur le dossier : notez d’abord son arrêt (Arrêtée (poche retirée)), puis enregistrez la destruction de ce qu’il en reste.</translation>
    </message>
    <message>
        <source>Controlled-drug register: Quantity discarded: at most {most} {unit} can be left of this dose on {page}; {quantity} {unit} cannot. If more left the cupboard, count it with a witness (Cupboard count): the difference is written as a discrepancy.</source>
        <translation>Registre des stupéfiants : Quantité détruite : il peut rester au plus {most} {unit} de cette dose sur {page} ; {quantity} {unit} ne le peuvent pas. Si davantage est sorti de l’armoire, comptez-la avec un témoin (Comptage de l’armoire) : la différence est notée comme un écart.</translation>
    </message>
    <message>
        <source>Every dose of {drug} given from ward {ward}'s register has its wastage recorded already: a dose's wastage is recorded once. If a quantity was wrong, count the cupboard: the difference is written as a discrepancy.</source>
        <translation>Chaque dose de {drug} administrée sur le registre du service {ward} a déjà son reliquat détruit enregistré : la destruction d’une dose s’enregistre une seule fois. Si une quantité était fausse, comptez l’armoire : la différence est enregistrée comme un écart.</translation>
    </message>
    <message>
        <source>Controlled-drug register: the quantity discarded must be above zero.</source>
        <translation>Registre des stupéfiants : la quantité détruite doit être supérieure à zéro.</translation>
    </message>
    <message>
        <source>Controlled-drug register: this dose takes nothing from the register (withdrawn?); record what was discarded as a count.</source>
        <translation>Registre des stupéfiants : cette dose ne prélève rien au registre (annulée ?) ; saisissez ce qui a été détruit comme un comptage.</translation>
    </message>
    <message>
        <source>Controlled-drug register: what was left of this dose was recorded discarded already, {quantity} {unit} on {when} by {author}, witnessed by {witness}. A dose's wastage is recorded once; if that quantity was wrong, count the cupboard: the difference is written as a discrepancy.</source>
        <translation>Registre des stupéfiants : le reste de cette dose a déjà été enregistré comme détruit, {quantity} {unit} le {when} par {author}, témoin {witness}. La destruction d’une dose s’enregistre une seule fois ; si cette quantité était fausse, comptez l’armoire : la différence est enregistrée comme un écart.</translation>
    </message>
    <message>
        <source>{order} was prescribed again already: {orders}. Read the patient's chart again.</source>
        <translation>{order} a déjà été prescrite à nouveau : {orders}. Relisez le plan d’administration du patient.</translation>
    </message>
    <message>
        <source>Reviewed on readmission: not continued</source>
        <translation>Revue à la réadmission : non poursuivie</translation>
    </message>
    <message>
        <source>Reviewed on readmission: not continued — {words}</source>
        <translation>Revue à la réadmission : non poursuivie — {words}</translation>
    </message>
    <message>
        <source>{order} is no longer an order left open by an earlier stay (stopped or changed since): read the patient's chart again.</source>
        <translation>{order} n’est plus une prescription restée ouverte d’un séjour antérieur (arrêtée ou modifiée depuis) : relisez le plan d’administration du patient.</translation>
    </message>
    <message>
        <source>{drug} is not to be given: {since} was recorded after it was prescribed, and the prescriber has not reviewed the order. Record the dose withheld (W) and ask the prescriber to review the order: amend it with the allergy acknowledged (“{field}”), or stop it. At night, take the on-call prescriber's decision as a telephone order: amend the order, given by telephone, with the allergy reason.</source>
        <translation>{drug} ne doit pas être administré : {since} a été enregistrée après la prescription, et le prescripteur n’a pas revu la prescription. Tracez la dose suspendue (S) et demandez au prescripteur de revoir la prescription : la modifier en prenant acte de l’allergie (« {field} »), ou l’arrêter. La nuit, recueillez la décision du prescripteur de garde comme une prescription téléphonique : modifiez la prescription, donnée par téléphone, avec la raison de l’allergie.</translation>
    </message>
    <message>
        <source>{field}: required for a dose given over {since}, recorded after the order and not reviewed by the prescriber: name where the paper chart records it. The prescriber is told on the escalation list and the handover.</source>
        <translation>{field} : obligatoire pour une dose administrée malgré {since}, enregistrée après la prescription et non revue par le prescripteur : indiquez où le plan d’administration papier la trace. Le prescripteur en est informé par la liste des alertes et les transmissions.</translation>
    </message>
    <message>
        <source>{drug} blocks dopamine, and the patient is on {parkinsons} (Parkinson's): it undoes that treatment (rigidity, falls, a swallow lost) and, in dementia with Lewy bodies, can cause a severe reaction (NICE NG71, Parkinson's UK). Prescribe another (domperidone or ondansetron for sickness, quetiapine for agitation), or give the reason in “{field}”.</source>
        <translation>{drug} bloque la dopamine, et le patient est sous {parkinsons} (maladie de Parkinson) : il défait ce traitement (rigidité, chutes, déglutition perdue) et, dans la démence à corps de Lewy, peut provoquer une réaction grave (NICE NG71, Parkinson's UK). Prescrire un autre médicament (dompéridone ou ondansétron contre les nausées, quétiapine contre l’agitation), ou donner la raison dans « {field} ».</translation>
    </message>
    <message>
        <source>{drug} blocks dopamine, and the patient is on {parkinsons} (Parkinson's): it undoes that treatment (rigidity, falls, a swallow lost) and, in dementia with Lewy bodies, can cause a severe reaction (NICE NG71, Parkinson's UK). Ask the prescriber for another before giving it.</source>
        <translation>{drug} bloque la dopamine, et le patient est sous {parkinsons} (maladie de Parkinson) : il défait ce traitement (rigidité, chutes, déglutition perdue) et, dans la démence à corps de Lewy, peut provoquer une réaction grave (NICE NG71, Parkinson's UK). Demander au prescripteur un autre médicament avant de le donner.</translation>
    </message>
    <message>
        <source>{drug}: the patient weighed {kg} kg on {time}, more than {percent} % under the {ordered} kg it was ordered for: {above}. Ask the prescriber before hanging this bag.</source>
        <translation>{drug} : le patient a été pesé {kg} kg le {time}, plus de {percent} % de moins que les {ordered} kg pour lesquels il a été prescrit : {above}. Demandez au prescripteur avant de poser cette poche.</translation>
    </message>
    <message>
        <source>{drug}: ordered with no weight recorded; the patient weighed {kg} kg on {time}: {above}. Ask the prescriber before hanging this bag.</source>
        <translation>{drug} : prescrit sans poids enregistré ; le patient a été pesé {kg} kg le {time} : {above}. Demandez au prescripteur avant de poser cette poche.</translation>
    </message>
    <message>
        <source>{drug}: the alcohol withdrawal check at {time} records consciousness falling: no sedative or opioid until the doctor has seen the patient (over-sedation, a head injury, Wernicke’s). Give it only on the doctor’s decision, named in the reason.</source>
        <translation>{drug} : l’évaluation du sevrage alcoolique de {time} note une conscience en baisse : aucun sédatif ni opioïde avant que le médecin ait vu le patient (surdosage sédatif, traumatisme crânien, Gayet-Wernicke). Ne le donner que sur décision du médecin, nommé dans la raison.</translation>
    </message>
    <message>
        <source>{drug}: the alcohol withdrawal check at {time} found the patient too drowsy or sedated to be scored: no sedative or opioid until the doctor has seen the patient (over-sedation, a head injury, Wernicke’s). Give it only on the doctor’s decision, named in the reason.</source>
        <translation>{drug} : l’évaluation du sevrage alcoolique de {time} a trouvé le patient trop somnolent ou sédaté pour être coté : aucun sédatif ni opioïde avant que le médecin ait vu le patient (surdosage sédatif, traumatisme crânien, Gayet-Wernicke). Ne le donner que sur décision du médecin, nommé dans la raison.</translation>
    </message>
    <message>
        <source>AKI by urine output ({volume} mL in {hours} h since {time}): give it only once the doctor says to.</source>
        <translation>IRA par la diurèse ({volume} mL en {hours} h depuis {time}) : ne le donner que lorsque le médecin le dit.</translation>
    </message>
    <message>
        <source>AKI by urine output ({volume} mL in {hours} h since {time}): prescribed all the same: “{reason}”.</source>
        <translation>IRA par la diurèse ({volume} mL en {hours} h depuis {time}) : prescrit malgré tout : « {reason} ».</translation>
    </message>
    <message>
        <source>{drug}: the observations at {time} say {found}: stop the opioid, call the doctor, naloxone as prescribed.</source>
        <translation>{drug} : les paramètres du {time} indiquent {found} : arrêter l’opioïde, appeler le médecin, naloxone selon la prescription.</translation>
    </message>
    <message>
        <source>{drug}: the observations at {time} say {found}: no sedative until the doctor has seen the patient (it deepens drowsiness and slows breathing). Give it only on the doctor's decision, named in the reason.</source>
        <translation>{drug} : les paramètres du {time} indiquent {found} : aucun sédatif avant que le médecin ait vu le patient (il aggrave la somnolence et ralentit la respiration). Ne le donner que sur décision du médecin, nommée dans le motif.</translation>
    </message>
    <message>
        <source>{drug}: LEVEL FLAGGED ABNORMAL ({timing} {result}), with no range read to judge it by: check it against its range before giving.</source>
        <translation>{drug} : DOSAGE SIGNALÉ ANORMAL ({timing} {result}), sans valeurs de référence lues pour en juger : le comparer à ses valeurs de référence avant d’administrer.</translation>
    </message>
    <message>
        <source>{drug}: LEVEL FLAGGED ABNORMAL ({result}, received {received}), with no range read to judge it by: check it against its range before giving.</source>
        <translation>{drug} : DOSAGE SIGNALÉ ANORMAL ({result}, reçu le {received}), sans valeurs de référence lues pour en juger : le comparer à ses valeurs de référence avant d’administrer.</translation>
    </message>
    <message>
        <source>{drug}: LEVEL AWAITED ({timing} level taken {taken}, no result yet).</source>
        <translation>{drug} : DOSAGE ATTENDU (dosage {timing} prélevé le {taken}, pas encore de résultat).</translation>
    </message>
    <message>
        <source>{drug}: LEVEL ABOVE RANGE ({timing} {result}, {range}).</source>
        <translation>{drug} : DOSAGE AU-DESSUS DES VALEURS CIBLES ({timing} {result}, {range}).</translation>
    </message>
    <message>
        <source>{drug}: LEVEL ABOVE RANGE ({result}, {range}, received {received}).</source>
        <translation>{drug} : DOSAGE AU-DESSUS DES VALEURS CIBLES ({result}, {range}, reçu le {received}).</translation>
    </message>
    <message>
        <source>{drug}: NO LEVEL SENT since the first dose on {first}.</source>
        <translation>{drug} : AUCUN DOSAGE ENVOYÉ depuis la première dose du {first}.</translation>
    </message>
    <message>
        <source>{drug}: LEVEL FLAGGED CRITICAL ({timing} {result}).</source>
        <translation>{drug} : DOSAGE SIGNALÉ CRITIQUE ({timing} {result}).</translation>
    </message>
    <message>
        <source>{drug}: LEVEL FLAGGED CRITICAL ({result}, received {received}).</source>
        <translation>{drug} : DOSAGE SIGNALÉ CRITIQUE ({result}, reçu le {received}).</translation>
    </message>
    <message>
        <source>{drug}: LEVEL FLAGGED ABNORMAL ({timing} {result}), not read as a number against its range.</source>
        <translation>{drug} : DOSAGE SIGNALÉ ANORMAL ({timing} {result}), non lu comme un nombre à comparer aux valeurs de référence.</translation>
    </message>
    <message>
        <source>{drug}: LEVEL FLAGGED ABNORMAL ({result}, received {received}), not read as a number against its range.</source>
        <translation>{drug} : DOSAGE SIGNALÉ ANORMAL ({result}, reçu le {received}), non lu comme un nombre à comparer aux valeurs de référence.</translation>
    </message>
    <message>
        <source>{drug}: LEVEL FLAGGED ABNORMAL ({timing} {result}), with no range read to judge it by.</source>
        <translation>{drug} : DOSAGE SIGNALÉ ANORMAL ({timing} {result}), sans valeurs de référence lues pour en juger.</translation>
    </message>
    <message>
        <source>{drug}: LEVEL FLAGGED ABNORMAL ({result}, received {received}), with no range read to judge it by.</source>
        <translation>{drug} : DOSAGE SIGNALÉ ANORMAL ({result}, reçu le {received}), sans valeurs de référence lues pour en juger.</translation>
    </message>
    <message>
        <source>AKI stage {stage} (creatinine {value} µmol/L).</source>
        <translation>IRA stade {stage} (créatinine {value} µmol/L).</translation>
    </message>
    <message>
        <source>AKI by urine output ({volume} mL in {hours} h since {time}).</source>
        <translation>IRA par la diurèse ({volume} mL en {hours} h depuis {time}).</translation>
    </message>
    <message>
        <source>{drug}: eGFR {value} mL/min/1.73 m² on {day}: metformin is stopped below an eGFR of 30.</source>
        <translation>{drug} : DFG {value} mL/min/1,73 m² le {day} : la metformine est arrêtée en dessous d’un DFG de 30.</translation>
    </message>
    <message>
        <source>{drug}: eGFR below {value} mL/min/1.73 m² on {day}: metformin is stopped below an eGFR of 30.</source>
        <translation>{drug} : DFG inférieur à {value} mL/min/1,73 m² le {day} : la metformine est arrêtée en dessous d’un DFG de 30.</translation>
    </message>
    <message>
        <source>{drug}: the patch on before is recorded not found on the skin: search the whole skin (moved elsewhere, it is a second dose with this one), the bed, clothes and linen; a controlled drug unaccounted for is told to the nurse in charge and reported as an incident. Say what was done in the reason.</source>
        <translation>{drug} : le patch précédent est noté non retrouvé sur la peau : chercher sur toute la peau (déplacé ailleurs, il fait une seconde dose avec celui-ci), dans le lit, les vêtements et le linge ; un stupéfiant manquant est signalé à l’infirmier(ère) responsable et déclaré en événement indésirable. Indiquer dans le motif ce qui a été fait.</translation>
    </message>
    <message>
        <source>{drug}: the patch on before is recorded not found on the skin: search the whole skin (moved elsewhere, it is a second dose with this one) and the bed before applying this one. Say what was done in the reason.</source>
        <translation>{drug} : le patch précédent est noté non retrouvé sur la peau : chercher sur toute la peau (déplacé ailleurs, il fait une seconde dose avec celui-ci) et dans le lit avant de poser celui-ci. Indiquer dans le motif ce qui a été fait.</translation>
    </message>
    <message>
        <source>{order}: the patient died on {date} at {time}; no dose is given after the death (a dose given before it is charted at the time it was given).</source>
        <translation>{order} : le patient est décédé le {date} à {time} ; aucune dose n’est donnée après le décès (une dose donnée avant est saisie à l’heure où elle a été donnée).</translation>
    </message>
    <message>
        <source>typed {time}</source>
        <translation>saisie {time}</translation>
    </message>
    <message>
        <source>from paper</source>
        <translation>du papier</translation>
    </message>
    <message>
        <source>from paper, typed {time}</source>
        <translation>du papier, saisie {time}</translation>
    </message>
    <message>
        <source>{order} at {rate} mL/h</source>
        <translation>{order} à {rate} mL/h</translation>
    </message>
    <message>
        <source>up to {dose}</source>
        <translation>jusqu’à {dose}</translation>
    </message>
    <message>
        <source>{order}, stopped {stop} at the patient's discharge</source>
        <translation>{order}, arrêtée le {stop} à la sortie du patient</translation>
    </message>
    <message>
        <source>{order}, stopped {stop} at the patient's death</source>
        <translation>{order}, arrêtée le {stop} au décès du patient</translation>
    </message>
    <message>
        <source>{order}, stopped {stop} at the patient's transfer to another hospital</source>
        <translation>{order}, arrêtée le {stop} au transfert du patient vers un autre établissement</translation>
    </message>
    <message>
        <source>{order}, once, at {start}</source>
        <translation>{order}, une fois, le {start}</translation>
    </message>
    <message>
        <source>{order}, at {times}, from {start}</source>
        <translation>{order}, à {times}, à partir du {start}</translation>
    </message>
    <message>
        <source>{order}, as required ({why})</source>
        <translation>{order}, si besoin ({why})</translation>
    </message>
    <message>
        <source>{order}, at least {hours} h apart</source>
        <translation>{order}, au moins {hours} h d’intervalle</translation>
    </message>
    <message>
        <source>{order}, at most {count} in 24 h</source>
        <translation>{order}, au plus {count} par 24 h</translation>
    </message>
    <message>
        <source>{order}, from {start}</source>
        <translation>{order}, à partir du {start}</translation>
    </message>
    <message>
        <source>{order}, until {stop}</source>
        <translation>{order}, jusqu’au {stop}</translation>
    </message>
    <message>
        <source>Recorded nil by mouth at {time}, before its time: if the patient may now eat and drink (the operation cancelled), give it.</source>
        <translation>Noté « à jeun » à {time}, avant son heure : si le patient peut de nouveau manger et boire (intervention annulée), la donner.</translation>
    </message>
    <message>
        <source>Days: 1 to 14.</source>
        <translation>Jours : 1 à 14.</translation>
    </message>
    <message>
        <source>No patient to print a medication chart for.</source>
        <translation>Aucun patient pour qui imprimer un plan d’administration.</translation>
    </message>
    <message>
        <source>The letter gives the new date: rebook the operation first.</source>
        <translation>La lettre donne la nouvelle date : reprogrammez d’abord l’intervention.</translation>
    </message>
    <message>
        <source>This patient's death is recorded ({died}): no letter of a new date is printed; cancel the operation (patient died).</source>
        <translation>Le décès de ce patient est enregistré ({died}) : aucun courrier de nouvelle date n’est imprimé ; annulez l’intervention (patient décédé).</translation>
    </message>
    <message>
        <source>{form}: only {roles} may write this form.</source>
        <translation>{form} : seuls les rôles {roles} peuvent remplir ce formulaire.</translation>
    </message>
    <message>
        <source>This laptop has used all its downtime numbers: an administrator gives it a new device number ('downtime set device-number N').</source>
        <translation>Ce portable a utilisé tous ses numéros de procédure dégradée : un administrateur lui donne un nouveau numéro d’appareil (« downtime set device-number N »).</translation>
    </message>
    <message>
        <source>Reserve 1 to {most} numbers at a time, not {count}.</source>
        <translation>Réservez de 1 à {most} numéros à la fois, pas {count}.</translation>
    </message>
    <message>
        <source>“{field}”: only for a new admission; this patient already has their downtime number.</source>
        <translation>« {field} » : seulement pour une nouvelle admission ; ce patient a déjà son numéro de procédure dégradée.</translation>
    </message>
    <message>
        <source>“{field}”: {number} was not reserved on this laptop ({device}): type the number of a label printed here, or leave the field blank for a new number.</source>
        <translation>« {field} » : {number} n’a pas été réservé sur ce portable ({device}) : saisissez le numéro d’une étiquette imprimée ici, ou laissez le champ vide pour un nouveau numéro.</translation>
    </message>
    <message>
        <source>“{field}”: {number} is already used by {name}, born {born}: check the wristband, or leave the field blank for a new number.</source>
        <translation>« {field} » : {number} est déjà attribué à {name}, né(e) le {born} : vérifiez le bracelet, ou laissez le champ vide pour un nouveau numéro.</translation>
    </message>
    <message>
        <source>{form}: record it from the medication round or the chart, where its safety checks and the controlled-drug register apply.</source>
        <translation>{form} : saisissez-la depuis le tour des médicaments ou le plan d’administration, où ses contrôles de sécurité et le registre des stupéfiants s’appliquent.</translation>
    </message>
    <message>
        <source>{form}: choose the patient first.</source>
        <translation>{form} : choisissez d’abord le patient.</translation>
    </message>
    <message>
        <source>{form} is not about a patient.</source>
        <translation>{form} ne concerne pas un patient.</translation>
    </message>
    <message>
        <source>{field}: this patient's death is referred to the coroner: leave lines and devices in place for the coroner, and chart none removed.</source>
        <translation>{field} : le décès de ce patient fait l’objet d’un obstacle médico-légal : laisser les lignes et dispositifs en place pour la justice, et n’en tracer aucun retrait.</translation>
    </message>
    <message>
        <source>{field}: this patient's death awaits verification: leave lines and devices in place until the death is verified and it is known whether it is referred to the coroner.</source>
        <translation>{field} : le décès de ce patient attend d’être constaté : laisser les voies et dispositifs en place jusqu’à ce que le décès soit constaté et que l’on sache s’il y a obstacle médico-légal.</translation>
    </message>
    <message>
        <source>A reason is required to change a saved record.</source>
        <translation>Un motif est obligatoire pour modifier un enregistrement.</translation>
    </message>
    <message>
        <source>This record was changed after you opened it (version {version}, by {author} at {time}). Close it and open it again to see that change, then make yours.</source>
        <translation>Cette fiche a été modifiée après que vous l’avez ouverte (version {version}, par {author} le {time}). Fermez-la et rouvrez-la pour voir cette modification, puis faites la vôtre.</translation>
    </message>
    <message>
        <source>This record was marked entered in error and cannot be changed.</source>
        <translation>Cet enregistrement a été marqué comme saisie par erreur et ne peut plus être modifié.</translation>
    </message>
    <message>
        <source>Nothing was changed, so there is nothing to amend.</source>
        <translation>Rien n’a changé : il n’y a rien à modifier.</translation>
    </message>
    <message>
        <source>{fields} cannot be amended: a dose not given, then taken, is recorded as a second dose for the same time. Keep this record, which says when it was not given and why, and record the dose given from the chart's cell: the chart then reads it given.</source>
        <translation>{fields} ne peut pas être modifié : une dose non donnée, puis prise, s’enregistre comme une seconde dose pour la même heure. Gardez cette fiche, qui dit quand et pourquoi elle n’a pas été donnée, et saisissez la dose donnée depuis la case du plan d’administration : le plan la lit alors donnée.</translation>
    </message>
    <message>
        <source>{fields} cannot be amended: mark this record entered in error with the reason, then record it again, so that its checks apply.</source>
        <translation>{fields} ne peut pas être modifié : marquez cette fiche saisie par erreur avec le motif, puis saisissez-la de nouveau, pour que ses contrôles s’appliquent.</translation>
    </message>
    <message>
        <source>{field}: this patient was {age} old then; {form} is for children under {under}: chart their observations on the NEWS2 chart.</source>
        <translation>{field} : ce patient avait alors {age} ; {form} est pour les enfants de moins de {under} ans : noter sa surveillance sur la feuille NEWS2.</translation>
    </message>
    <message>
        <source>{field}: this patient was {age} old then; {form} is for patients {years} or over: use the paediatric chart (PEWS) and tell the doctor.</source>
        <translation>{field} : ce patient avait alors {age} ; {form} est pour les patients de {years} ans ou plus : utiliser la feuille pédiatrique (PEWS) et prévenir le médecin.</translation>
    </message>
    <message>
        <source>{field}: this patient was {age} old then; {form} is for patients {years} or over.</source>
        <translation>{field} : ce patient avait alors {age} ; {form} est pour les patients de {years} ans ou plus.</translation>
    </message>
    <message>
        <source>{form}: withdraw it from the patient's chart, where a controlled drug's quantity goes back to the register.</source>
        <translation>{form} : l’annuler depuis le dossier du patient, où la quantité d’un stupéfiant revient au registre.</translation>
    </message>
    <message>
        <source>“{field}”: a registered nurse verifies an expected death only, not one referred to the coroner: this death is verified by a doctor.</source>
        <translation>« {field} » : un(e) infirmier(ère) ne constate qu’un décès attendu, sans obstacle médico-légal : ce décès est constaté par un médecin.</translation>
    </message>
    <message>
        <source>“{field}”: the patient was not in hospital then: the time they were last seen alive is within their stay.</source>
        <translation>« {field} » : le patient n’était pas hospitalisé à ce moment-là : l’heure à laquelle il a été vu vivant pour la dernière fois est pendant son séjour.</translation>
    </message>
    <message>
        <source>“{field}”: no standing record of this patient's with that reference.</source>
        <translation>« {field} » : aucun enregistrement en vigueur de ce patient ne porte cette référence.</translation>
    </message>
    <message>
        <source>“{field}”: {codes}: not among those of “{record}”: {allowed}.</source>
        <translation>« {field} » : {codes} : ne fait pas partie de ceux de « {record} » : {allowed}.</translation>
    </message>
    <message>
        <source>{field}: the patient's allergies are not known yet. Record them on the admission record first (the allergies, or “No known allergies”), then answer Yes; until then answer No.</source>
        <translation>{field} : les allergies du patient ne sont pas encore connues. Renseignez-les d’abord sur la fiche d’admission (les allergies, ou « Aucune allergie connue »), puis répondez Oui ; d’ici là, répondez Non.</translation>
    </message>
    <message>
        <source>“{field}”: “{nil}” cannot go with “{served}”: a patient nil by mouth is served no meal. Tick one or the other.</source>
        <translation>« {field} » : « {nil} » ne va pas avec « {served} » : un patient à jeun ne reçoit aucun repas. Cocher l’un ou l’autre.</translation>
    </message>
    <message>
        <source>{count} other record(s) of this patient stand (orders, doses, observations, operations…): withdraw them first, from the patient's records (Ctrl+Shift+R), then this admission.</source>
        <translation>{count} autre(s) enregistrement(s) de ce patient sont en vigueur (prescriptions, administrations, surveillances, interventions…) : les annuler d’abord, depuis les enregistrements du patient (Ctrl+Maj+R), puis cette admission.</translation>
    </message>
    <message>
        <source>{field} {record} is not here: import the stick that has it</source>
        <translation>{field} {record} absent ici : importez la clé qui le contient</translation>
    </message>
    <message>
        <source>None: Monday to Friday</source>
        <translation>Aucun : du lundi au vendredi</translation>
    </message>
    <message>
        <source>England</source>
        <translation>Angleterre</translation>
    </message>
    <message>
        <source>Wales</source>
        <translation>Pays de Galles</translation>
    </message>
    <message>
        <source>Scotland</source>
        <translation>Écosse</translation>
    </message>
    <message>
        <source>Northern Ireland</source>
        <translation>Irlande du Nord</translation>
    </message>
    <message>
        <source>France</source>
        <translation>France</translation>
    </message>
    <message>
        <source>France: Alsace</source>
        <translation>France : Alsace</translation>
    </message>
    <message>
        <source>France: Moselle</source>
        <translation>France : Moselle</translation>
    </message>
    <message>
        <source>Label stock: one of {stocks}.</source>
        <translation>Planche d’étiquettes : une parmi {stocks}.</translation>
    </message>
    <message>
        <source>Round thresholds: late must be above 0 and below overdue (at most 24 h).</source>
        <translation>Seuils du tour : « en retard » doit être au-dessus de 0 et en dessous de « dépassé » (24 h au plus).</translation>
    </message>
    <message>
        <source>Idle lock: 1 to 120 minutes.</source>
        <translation>Verrouillage après inactivité : 1 à 120 minutes.</translation>
    </message>
    <message>
        <source>Contact on patients' letters: at most 120 characters.</source>
        <translation>Contact sur les lettres aux patients : 120 caractères au plus.</translation>
    </message>
    <message>
        <source>Records office's key: {key!r} is not an age public key (it starts with age1…; 'downtime keygen' prints it at the records office).</source>
        <translation>Clé du bureau des entrées : {key!r} n’est pas une clé publique age (elle commence par age1… ; « downtime keygen » l’affiche au bureau des entrées).</translation>
    </message>
    <message>
        <source>Bank holidays: {region!r} has none of its own: name the part of it the hospital is in ({parts}).</source>
        <translation>Jours fériés : {region!r} n’en a pas en propre : nommez la partie du pays où est l’hôpital ({parts}).</translation>
    </message>
    <message>
        <source>Bank holidays: {region!r} is not a country, or a part of one, whose bank holidays are known (e.g. GB-ENG England, GB-SCT Scotland, FR France, FR-6AE Alsace; none: Monday to Friday only).</source>
        <translation>Jours fériés : {region!r} n’est ni un pays ni une partie d’un pays dont les jours fériés sont connus (par ex. FR France, FR-6AE Alsace, FR-57 Moselle, GB-ENG Angleterre ; none : du lundi au vendredi seulement).</translation>
    </message>
    <message>
        <source>No bank holidays kept: every weekday is a working day.</source>
        <translation>Aucun jour férié : chaque jour de semaine est un jour ouvré.</translation>
    </message>
    <message>
        <source>Bank holidays kept: {region}; the next: {days}.</source>
        <translation>Jours fériés : {region} ; les prochains : {days}.</translation>
    </message>
    <message>
        <source>Bank holidays kept: {name} ({region}); the next: {days}.</source>
        <translation>Jours fériés : {name} ({region}) ; les prochains : {days}.</translation>
    </message>
    <message>
        <source>This laptop's ward: no ward {ward} is set up here (wards set up: {known}).</source>
        <translation>Service de ce portable : aucun service {ward} n’est configuré ici (services configurés : {known}).</translation>
    </message>
    <message>
        <source>Device number: 1 to {limit}, as written on the laptop's label.</source>
        <translation>Numéro d’appareil : 1 à {limit}, comme écrit sur l’étiquette du portable.</translation>
    </message>
    <message>
        <source>Device name: required (e.g. 'Ward 3B laptop 2').</source>
        <translation>Nom de l’appareil : obligatoire (ex. : « Portable 2 du service 3B »).</translation>
    </message>
    <message>
        <source>This laptop is already device {number} ({name}): nothing to change.</source>
        <translation>Ce portable est déjà l’appareil {number} ({name}) : rien à changer.</translation>
    </message>
    <message>
        <source>Staff ID: 2 to 32 letters, digits, dots, dashes or underscores.</source>
        <translation>Identifiant : 2 à 32 lettres, chiffres, points, tirets ou soulignés.</translation>
    </message>
    <message>
        <source>Name: required.</source>
        <translation>Nom : obligatoire.</translation>
    </message>
    <message>
        <source>PIN: 4 to 12 digits.</source>
        <translation>Code : 4 à 12 chiffres.</translation>
    </message>
    <message>
        <source>No staff account {staff_id}.</source>
        <translation>Aucun compte {staff_id}.</translation>
    </message>
    <message>
        <source>Account {staff_id} is already deactivated.</source>
        <translation>Le compte {staff_id} est déjà désactivé.</translation>
    </message>
    <message>
        <source>You cannot deactivate your own account; ask another administrator.</source>
        <translation>Vous ne pouvez pas désactiver votre propre compte ; demandez à un autre administrateur.</translation>
    </message>
    <message>
        <source>This is the last active administrator; add another one first.</source>
        <translation>C’est le dernier administrateur actif ; ajoutez-en d’abord un autre.</translation>
    </message>
    <message>
        <source>The PIN of {staff_id} was not changed: the key-slot file could not be written ({problem}). The old PIN still signs in. Try again, or check the laptop's disk.</source>
        <translation>Le code PIN de {staff_id} n’a pas été changé : le fichier des emplacements de clé n’a pas pu être écrit ({problem}). L’ancien code PIN permet toujours de se connecter. Réessayez, ou vérifiez le disque du portable.</translation>
    </message>
    <message>
        <source>The new PIN of {staff_id} is set and opens the database, but the old PIN's key slot could not be removed ({problem}): the old PIN still opens the file (not the app) until the PIN is set again. Check the laptop's disk, then set the PIN again.</source>
        <translation>Le nouveau code PIN de {staff_id} est défini et ouvre la base, mais l’emplacement de clé de l’ancien code PIN n’a pas pu être retiré ({problem}) : l’ancien code PIN ouvre encore le fichier (pas l’application) jusqu’à ce que le code PIN soit de nouveau défini. Vérifiez le disque du portable, puis définissez de nouveau le code PIN.</translation>
    </message>
    <message>
        <source>Too many wrong PINs for this staff ID: it is locked until {time}. Ask a colleague to sign in meanwhile.</source>
        <translation>Trop de codes erronés pour cet identifiant : il est bloqué jusqu’à {time}. Demandez à un collègue de se connecter en attendant.</translation>
    </message>
    <message>
        <source>Unknown staff ID or wrong PIN.</source>
        <translation>Identifiant inconnu ou code erroné.</translation>
    </message>
    <message>
        <source>This booking is {status}; only a booked operation can be cancelled.</source>
        <translation>Cette intervention est {status} ; seule une intervention programmée peut être annulée.</translation>
    </message>
    <message>
        <source>Since this cancellation was opened, the operation has moved: the date standing is {standing}, not the date it cancels, {named} (“Date cancelled”). Close it, and cancel the date standing if that is meant.</source>
        <translation>Depuis l’ouverture de cette annulation, l’intervention a été déplacée : la date en vigueur est le {standing}, et non la date qu’elle annule, le {named} (« Date annulée »). Fermez-la, et annulez la date en vigueur si c’est bien ce qui est voulu.</translation>
    </message>
    <message>
        <source>A rebooking must come after the cancellation it answers: the rebooking is dated {rebooked}, the cancellation {cancelled}.</source>
        <translation>Une reprogrammation doit suivre l’annulation à laquelle elle répond : la reprogrammation est datée du {rebooked}, l’annulation du {cancelled}.</translation>
    </message>
    <message>
        <source>left side</source>
        <translation>côté gauche</translation>
    </message>
    <message>
        <source>right side</source>
        <translation>côté droit</translation>
    </message>
    <message>
        <source>both sides</source>
        <translation>des deux côtés</translation>
    </message>
    <message>
        <source>{procedure}, {side}</source>
        <translation>{procedure}, {side}</translation>
    </message>
    <message>
        <source>this patient</source>
        <translation>ce patient</translation>
    </message>
    <message>
        <source>this patient under downtime number {number}, linked to the same EHR patient {ehr}</source>
        <translation>ce patient sous le numéro de procédure dégradée {number}, lié au même patient du DPI {ehr}</translation>
    </message>
    <message>
        <source>Procedure: {procedure} is already waiting to be rebooked for {whose} (cancelled {cancelled}): rebook it from the rescheduling list rather than booking it again.</source>
        <translation>Intervention : {procedure} attend déjà d’être reprogrammée pour {whose} (annulée le {cancelled}) : reprogrammez-la depuis la liste à reprogrammer plutôt que de la programmer à nouveau.</translation>
    </message>
    <message>
        <source>Booking: a cancellation or rebooking stays with its operation. Mark this one entered in error, then record it on the right operation.</source>
        <translation>Programmation : une annulation ou une reprogrammation reste attachée à son intervention. Marquez celle-ci saisie par erreur, puis enregistrez-la sur la bonne intervention.</translation>
    </message>
    <message>
        <source>End: a session must end after it starts (it starts {start}, ends {end}).</source>
        <translation>Fin : une vacation doit finir après son début (elle commence le {start}, finit le {end}).</translation>
    </message>
    <message>
        <source>This patient's death is recorded ({died}): no operation can be planned after it.</source>
        <translation>Le décès de ce patient est enregistré ({died}) : aucune intervention ne peut être prévue après.</translation>
    </message>
    <message>
        <source>{status} (from {day})</source>
        <translation>{status} (au lieu du {day})</translation>
    </message>
    <message>
        <source>PATIENT DISCHARGED {at} — {to}: call {phone}</source>
        <translation>PATIENT SORTI {at} — {to} : appeler le {phone}</translation>
    </message>
    <message>
        <source>PATIENT DISCHARGED {at} — {to}: no telephone recorded</source>
        <translation>PATIENT SORTI {at} — {to} : aucun téléphone enregistré</translation>
    </message>
    <message>
        <source>PATIENT DISCHARGED {at} — {to}</source>
        <translation>PATIENT SORTI {at} — {to}</translation>
    </message>
    <message>
        <source>PATIENT TRANSFERRED OUT {at} to {hospital}</source>
        <translation>PATIENT TRANSFÉRÉ {at} vers {hospital}</translation>
    </message>
    <message>
        <source>PATIENT DIED {at}: cancel</source>
        <translation>PATIENT DÉCÉDÉ {at} : annuler</translation>
    </message>
    <message>
        <source>ALSO BOOKED {when}</source>
        <translation>ÉGALEMENT PROGRAMMÉE LE {when}</translation>
    </message>
    <message>
        <source>LATEX ALLERGY: move first, latex-free theatre</source>
        <translation>ALLERGIE AU LATEX : à passer en premier, salle sans latex</translation>
    </message>
    <message>
        <source>ON A TIME-CRITICAL PARKINSON'S MEDICINE: {said}</source>
        <translation>SOUS ANTIPARKINSONIEN À HEURE FIXE : {said}</translation>
    </message>
    <message>
        <source>This booking is {status}; cancel it before rebooking.</source>
        <translation>Cette intervention est {status} ; annulez-la avant de la reprogrammer.</translation>
    </message>
    <message>
        <source>This slot clashes: {clashes}.</source>
        <translation>Ce créneau est en conflit : {clashes}.</translation>
    </message>
    <message>
        <source>booked</source>
        <translation>programmée</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>annulée</translation>
    </message>
    <message>
        <source>rebooked</source>
        <translation>reprogrammée</translation>
    </message>
    <message>
        <source>transferred</source>
        <translation>transférée</translation>
    </message>
    <message>
        <source>done</source>
        <translation>réalisée</translation>
    </message>
    <message>
        <source>{status} to {hospital}</source>
        <translation>{status} vers {hospital}</translation>
    </message>
    <message>
        <source>{status} — CLASH, move one: {clashes}</source>
        <translation>{status} — CONFLIT, en déplacer une : {clashes}</translation>
    </message>
    <message>
        <source>{status} — CLASH: {clashes}</source>
        <translation>{status} — CONFLIT : {clashes}</translation>
    </message>
    <message>
        <source>{status} — PATIENT NOT TOLD YET</source>
        <translation>{status} — PATIENT PAS ENCORE INFORMÉ</translation>
    </message>
    <message>
        <source>{status} — PATIENT NOT TOLD YET — tell: {whom}</source>
        <translation>{status} — PATIENT PAS ENCORE INFORMÉ — prévenir : {whom}</translation>
    </message>
    <message>
        <source>{status} {when}</source>
        <translation>{status} {when}</translation>
    </message>
    <message>
        <source>{done} ({theatre})</source>
        <translation>{done} ({theatre})</translation>
    </message>
    <message>
        <source>RECORDED OVER A CLASH: {reason}</source>
        <translation>ENREGISTRÉE MALGRÉ UN CONFLIT : {reason}</translation>
    </message>
    <message>
        <source>OUTCOME NOT RECORDED</source>
        <translation>ISSUE NON RENSEIGNÉE</translation>
    </message>
    <message>
        <source>SAME NAME: {others}</source>
        <translation>MÊME NOM : {others}</translation>
    </message>
    <message>
        <source>CHECKLIST NAMES ANOTHER SIDE: its time out says “{words}”: check the side with the theatre team before the operation, and correct the booking's side or the checklist</source>
        <translation>LA CHECK-LIST INDIQUE UN AUTRE CÔTÉ : son time out dit « {words} » : vérifiez le côté avec l'équipe du bloc avant l'intervention, et corrigez le côté de la programmation ou la check-list</translation>
    </message>
    <message>
        <source>CHECKLIST NAMES ANOTHER SIDE: its time out says “{words}”, side operated {operated}: check with the theatre team, amend the booking's side to the side operated, and report the incident if it is not the side checked</source>
        <translation>LA CHECK-LIST INDIQUE UN AUTRE CÔTÉ : son time out dit « {words} », côté opéré {operated} : vérifiez avec l'équipe du bloc, modifiez le côté de la programmation pour le côté opéré, et déclarez l'événement indésirable si ce n'est pas le côté vérifié</translation>
    </message>
    <message>
        <source>ON A TIME-CRITICAL PARKINSON'S MEDICINE: put first on the list</source>
        <translation>SOUS ANTIPARKINSONIEN À HEURE FIXE : à passer en premier</translation>
    </message>
    <message>
        <source>BOOKED AFTER ITS DEADLINE {day}</source>
        <translation>PROGRAMMÉE APRÈS SA DATE LIMITE {day}</translation>
    </message>
    <message>
        <source>CANCELLED ON TWO LAPTOPS ({named} cancelled {cancelled} when it no longer stood): that changed nothing; ring the patient with what stands, mark that cancellation entered in error</source>
        <translation>ANNULÉE SUR DEUX ORDINATEURS ({named} annulé le {cancelled} alors que cette date ne tenait plus) : cela n’a rien changé ; appeler le patient avec ce qui est en vigueur, marquer cette annulation saisie par erreur</translation>
    </message>
    <message>
        <source>CANCELLED TWICE ({named} cancelled {cancelled}, already cancelled {first}): a duplicate that changed nothing, no call to the patient; mark it entered in error</source>
        <translation>ANNULÉE DEUX FOIS ({named} annulé le {cancelled}, déjà annulé le {first}) : un doublon qui n’a rien changé, pas d’appel au patient ; le marquer saisi par erreur</translation>
    </message>
    <message>
        <source>Free that day for {minutes} min: {slots}.</source>
        <translation>Libre ce jour-là pour {minutes} min : {slots}.</translation>
    </message>
    <message>
        <source>from {time} in {theatre}</source>
        <translation>à partir de {time} en salle {theatre}</translation>
    </message>
    <message>
        <source>{theatre} ({specialty}) from {time}</source>
        <translation>salle {theatre} ({specialty}) à partir de {time}</translation>
    </message>
    <message>
        <source>{first}, or {then}</source>
        <translation>{first}, ou {then}</translation>
    </message>
    <message>
        <source>No session of that day known to this laptop has {minutes} min free.</source>
        <translation>Aucune vacation de ce jour connue de ce portable n’a {minutes} min de libre.</translation>
    </message>
    <message>
        <source>For an immediate case: cancelling a planned operation (reason “Emergency took the theatre”) frees its slot.</source>
        <translation>Pour une urgence immédiate : annuler une intervention programmée (motif « Urgence prioritaire ») libère son créneau.</translation>
    </message>
    <message>
        <source>This booking is {status}; only a booked operation can be recorded done.</source>
        <translation>Cette intervention est {status} ; seule une intervention programmée peut être enregistrée comme réalisée.</translation>
    </message>
    <message>
        <source>This operation was done at {done}: nothing is recorded of it after that ({then}). If a record of it is wrong, amend it or mark it entered in error (Patient's records).</source>
        <translation>Cette intervention a été réalisée le {done} : rien n’est enregistré après ({then}). Si un de ses enregistrements est erroné, corrigez-le ou marquez-le saisi par erreur (Enregistrements du patient).</translation>
    </message>
    <message>
        <source>Cancelled at {cancelled}, done at {done}: an operation is not done in a slot it was cancelled from. If one of the two is wrong, mark it entered in error (Patient's records) first.</source>
        <translation>Annulée le {cancelled}, réalisée le {done} : une intervention n’est pas réalisée sur un créneau dont elle a été annulée. Si l’un des deux est erroné, marquez-le d’abord saisi par erreur (Enregistrements du patient).</translation>
    </message>
    <message>
        <source>Cancelled at: this operation waited for a new date until it was rebooked ({rebooked}); a cancellation of its new date comes after that.</source>
        <translation>Annulée le : cette intervention attendait une nouvelle date jusqu’à sa reprogrammation ({rebooked}) ; l’annulation de sa nouvelle date vient après.</translation>
    </message>
    <message>
        <source>Session: this operation's theatre session is not on the lists (withdrawn, or not set up on this laptop); book it in another session.</source>
        <translation>Vacation : la vacation de cette intervention n’est plus au programme (retirée, ou non créée sur ce portable) ; programmez-la dans une autre vacation.</translation>
    </message>
    <message>
        <source>probably the same patient as {number} ({why}), operated {window}</source>
        <translation>probablement le même patient que {number} ({why}), opéré {window}</translation>
    </message>
    <message>
        <source>{procedure}, patient {number}, theatre {theatre} {window} (booked on {laptop})</source>
        <translation>{procedure}, patient {number}, salle {theatre} {window} (programmée sur {laptop})</translation>
    </message>
    <message>
        <source>THEATRE CLASH, both bookings stand, move one: {first}; and {second}: {clashes}</source>
        <translation>CONFLIT DE BLOC, les deux programmations restent, en déplacer une : {first} ; et {second} : {clashes}</translation>
    </message>
    <message>
        <source>THEATRE CLASH, an operation recorded done held the theatre then, move the other: {booked}; done: {done}: {clashes}</source>
        <translation>CONFLIT DE BLOC, une intervention enregistrée comme faite occupait la salle à ce moment, déplacer l'autre : {booked} ; faite : {done} : {clashes}</translation>
    </message>
    <message>
        <source>THEATRE CLASH, two operations recorded done at once, check both records with the theatre: {first}; and {second}: {clashes}</source>
        <translation>CONFLIT DE BLOC, deux interventions enregistrées comme faites en même temps, vérifier les deux fiches avec le bloc : {first} ; et {second} : {clashes}</translation>
    </message>
    <message>
        <source>THEATRE CLASH, probably one patient under two downtime numbers ({why}), operated at once: {first}; and {second}: if one person, link both numbers to one EHR patient and move one operation</source>
        <translation>CONFLIT DE BLOC, probablement un seul patient sous deux numéros de procédure dégradée ({why}), opéré en même temps : {first} ; et {second} : s’il s’agit d’une seule personne, rattacher les deux numéros à un seul patient du DPI et déplacer une intervention</translation>
    </message>
    <message>
        <source>THEATRE CLASH, an operation stands outside its session, move it: {operation}: {clash}</source>
        <translation>CONFLIT DE BLOC, une intervention déborde de sa vacation, la déplacer : {operation} : {clash}</translation>
    </message>
    <message>
        <source>{said} (session last changed on {laptop})</source>
        <translation>{said} (vacation modifiée en dernier sur {laptop})</translation>
    </message>
    <message>
        <source>OTHER SIDE CHECKED, the WHO checklist signed in {at} on {laptop} names “{words}” at its time out, against the side the operation is booked on now: {operation}: check the side with the theatre team before the operation, and correct the booking's side, or mark the checklist entered in error and fill in a new one</source>
        <translation>AUTRE CÔTÉ VÉRIFIÉ, la check-list OMS (sign in le {at}) sur {laptop} indique « {words} » au time out, contre le côté programmé maintenant : {operation} : vérifiez le côté avec l'équipe du bloc avant l'intervention, et corrigez le côté de la programmation, ou marquez la check-list saisie par erreur et remplissez-en une nouvelle</translation>
    </message>
    <message>
        <source>OTHER SIDE CHECKED, the WHO checklist signed in {at} on {laptop} names “{words}” at its time out, against the side the operation is booked on now: {operation}, recorded done on the side operated {operated}: check with the theatre team which side was operated (amend the operation done's Side operated if it is wrong), then amend the booking's side to the side operated; if it is not the side the team checked, report the incident and say so in the checklist's notes</source>
        <translation>AUTRE CÔTÉ VÉRIFIÉ, la check-list OMS (sign in le {at}) sur {laptop} indique « {words} » au time out, contre le côté programmé maintenant : {operation}, réalisée du côté opéré {operated} : vérifiez avec l'équipe du bloc quel côté a été opéré (modifiez le Côté opéré de l'intervention réalisée s'il est erroné), puis modifiez le côté de la programmation pour le côté opéré ; si ce n'est pas le côté vérifié par l'équipe, déclarez l'événement indésirable et indiquez-le dans les remarques de la check-list</translation>
    </message>
    <message>
        <source>CANCELLED ON TWO LAPTOPS, {named} was cancelled on {laptop} at {cancelled} when it no longer stood, which changed nothing: {operation}: ring the patient with what stands, and mark that cancellation entered in error</source>
        <translation>ANNULÉE SUR DEUX ORDINATEURS, le {named} a été annulé sur {laptop} le {cancelled} alors que cette date ne tenait plus, ce qui n’a rien changé : {operation} : appeler le patient avec ce qui est en vigueur, et marquer cette annulation saisie par erreur</translation>
    </message>
    <message>
        <source>CANCELLED TWICE, {named} was cancelled on {laptop} at {cancelled}, already cancelled on {first_laptop} at {first}: {operation}: a duplicate that changed nothing, with no call to the patient: mark the duplicate entered in error</source>
        <translation>ANNULÉE DEUX FOIS, le {named} a été annulé sur {laptop} le {cancelled}, déjà annulé sur {first_laptop} le {first} : {operation} : un doublon qui n’a rien changé, sans appel au patient : marquer le doublon saisi par erreur</translation>
    </message>
    <message>
        <source>Cancelled at: this is before the decision to operate ({decided}); check the date and time.</source>
        <translation>Annulée le : c’est avant la décision d’opérer ({decided}) ; vérifiez la date et l’heure.</translation>
    </message>
    <message>
        <source>Done at: this is before the decision to operate ({decided}); check the date and time.</source>
        <translation>Réalisée le : c’est avant la décision opératoire ({decided}) ; vérifiez la date et l’heure.</translation>
    </message>
    <message>
        <source>This operation's theatre session starts {start}: record it done once its list has begun.</source>
        <translation>La vacation de cette intervention commence le {start} : enregistrez-la comme réalisée une fois le programme commencé.</translation>
    </message>
    <message>
        <source>Notes: the side operated ({operated}) is not the side booked ({booked}). Say here what happened, naming the side operated: an operation on another side than the one consented and marked is a wrong-site operation, to report as an incident; a booking on the wrong side is amended to the side operated once this is recorded. If the side operated is a slip, correct it.</source>
        <translation>Remarques : le côté opéré ({operated}) n’est pas le côté programmé ({booked}). Dites ici ce qui s’est passé, en nommant le côté opéré : une intervention sur un autre côté que celui consenti et marqué est une erreur de côté, à déclarer comme événement indésirable ; une programmation sur le mauvais côté se corrige ensuite pour le côté opéré. Si le côté opéré est une erreur de saisie, corrigez-le.</translation>
    </message>
    <message>
        <source>Notes: the operation booked on BOTH SIDES was done on the {operated} only. Say here which side is still to do, to rebook it; if the side operated is a slip, correct it.</source>
        <translation>Remarques : l’intervention programmée des deux côtés n’a été faite que du côté {operated}. Dites ici quel côté reste à faire, pour la reprogrammer ; si le côté opéré est une erreur de saisie, corrigez-le.</translation>
    </message>
    <message>
        <source>Told at: the patient cannot be told before the new date was decided ({decided}).</source>
        <translation>Informé le : le patient ne peut pas être informé avant que la nouvelle date soit décidée ({decided}).</translation>
    </message>
    <message>
        <source>Told at: the patient cannot be told of the cancellation before it was decided ({decided}).</source>
        <translation>Informé le : le patient ne peut pas être informé de l’annulation avant qu’elle soit décidée ({decided}).</translation>
    </message>
    <message>
        <source>Patient told: the patient was told before this correction. Clear Patient told and Told at, then record them again once the patient is told the corrected date.</source>
        <translation>Patient informé : le patient a été informé avant cette correction. Effacez « Patient informé » et « Informé le », puis saisissez-les à nouveau une fois le patient informé de la date corrigée.</translation>
    </message>
    <message>
        <source>{procedure} is already booked for {whose}: {slots}.</source>
        <translation>{procedure} est déjà programmée pour {whose} : {slots}.</translation>
    </message>
    <message>
        <source>Side: this operation was recorded done ({done}) on the side operated {operated}: the booking's side is amended to that side only. If the team operated on another side, amend the operation done's Side operated first, and report the incident.</source>
        <translation>Côté : cette intervention a été enregistrée comme réalisée ({done}) du côté opéré {operated} : le côté de la programmation ne peut être modifié que pour ce côté. Si l'équipe a opéré un autre côté, modifiez d'abord le Côté opéré de l'intervention réalisée, et déclarez l'événement indésirable.</translation>
    </message>
    <message>
        <source>Side: the WHO checklist signed in {at} names “{words}” at its time out, not the side now given. If the side it checked is wrong, the team checks the site again: mark that checklist entered in error, then correct the side and fill in a new checklist.</source>
        <translation>Côté : la check-list OMS (sign in le {at}) indique « {words} » au time out, pas le côté maintenant saisi. Si le côté vérifié est erroné, l'équipe vérifie à nouveau le site : marquez cette check-list saisie par erreur, puis corrigez le côté et remplissez une nouvelle check-list.</translation>
    </message>
    <message>
        <source>LEFT</source>
        <translation>GAUCHE</translation>
    </message>
    <message>
        <source>RIGHT</source>
        <translation>DROIT</translation>
    </message>
    <message>
        <source>BOTH SIDES</source>
        <translation>BILATÉRAL</translation>
    </message>
    <message>
        <source>no side</source>
        <translation>sans côté</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>non renseigné</translation>
    </message>
    <message>
        <source>Planned start: a correction cannot move the operation to another day ({was} to {now}). Cancel it and rebook it instead, so that the old day's list shows it moved and the patient is told.</source>
        <translation>Début prévu : une correction ne peut pas déplacer l’intervention à un autre jour (du {was} au {now}). L’annuler puis la reprogrammer, pour que la liste de l’ancien jour montre qu’elle a été déplacée et que le patient soit prévenu.</translation>
    </message>
    <message>
        <source>Theatre {theatre} already has a session {window} ({specialty}).</source>
        <translation>La salle {theatre} a déjà une vacation {window} ({specialty}).</translation>
    </message>
    <message>
        <source>An operation of this session was done in theatre {theatre}: {procedure}, patient {number}, booked {window}, done {done}. The session cannot start after its booked time or end before it, nor be withdrawn: this list is where it is found.</source>
        <translation>Une intervention de cette vacation a été réalisée en salle {theatre} : {procedure}, patient {number}, prévue {window}, réalisée le {done}. La vacation ne peut ni commencer après son horaire prévu ni finir avant, ni être retirée : c’est sur cette liste qu’on la trouve.</translation>
    </message>
    <message>
        <source>An operation was done in this session: {procedure}, patient {number}, booked {window}, done {done}. The session cannot start after it or end before it, nor be withdrawn.</source>
        <translation>Une intervention a été réalisée dans cette vacation : {procedure}, patient {number}, prévue {window}, réalisée le {done}. La vacation ne peut ni commencer après elle ni finir avant, ni être retirée.</translation>
    </message>
    <message>
        <source>This would leave an operation outside its session: {procedure}, patient {number}, booked {window}. Cancel or move it first.</source>
        <translation>Une intervention resterait hors de sa vacation : {procedure}, patient {number}, prévue {window}. Annulez-la ou déplacez-la d’abord.</translation>
    </message>
    <message>
        <source>“{field}” names “{words}”, but the operation is booked as {booked}: check the site with the team, then correct these words or the booking's side (amend it), or say in “{notes}” which side the team checked, with the word checked, marked or consented or the operation's body part, for example “{example}”.</source>
        <translation>« {field} » indique « {words} », mais l'intervention est programmée {booked} : vérifiez le site avec l'équipe, puis corrigez ces mots ou le côté de la programmation (modifiez-la), ou indiquez dans « {notes} » quel côté l'équipe a vérifié, avec le mot vérifié, marqué ou consentement, ou la partie du corps opérée, par exemple « {example} ».</translation>
    </message>
    <message>
        <source>Site checked with the consent and the mark: {side}</source>
        <translation>Site vérifié avec le consentement et le marquage : {side}</translation>
    </message>
    <message>
        <source>Theatre {theatre} was not free {window}: {others}. Check the theatre and the time; if both are right, give the reason to record it anyway.</source>
        <translation>La salle {theatre} n’était pas libre {window} : {others}. Vérifiez la salle et l’heure ; si les deux sont justes, donnez le motif pour l’enregistrer malgré tout.</translation>
    </message>
    <message>
        <source>{patient} ({number}), {procedure}, done there at {at}, expected to run until {until}</source>
        <translation>{patient} ({number}), {procedure}, réalisée là à {at}, prévue jusqu’à {until}</translation>
    </message>
    <message>
        <source>{patient} ({number}), {procedure}, booked there {window} and not recorded done</source>
        <translation>{patient} ({number}), {procedure}, programmée là {window} et non enregistrée comme réalisée</translation>
    </message>
    <message>
        <source>Surgeon {name} had another operation {window}: {others}. Check the surgeon and the time; if both are right, give the reason to record it anyway.</source>
        <translation>Le chirurgien {name} avait une autre intervention {window} : {others}. Vérifiez le chirurgien et l’heure ; si les deux sont justes, donnez le motif pour l’enregistrer malgré tout.</translation>
    </message>
    <message>
        <source>Anaesthetist {name} had another operation {window}: {others}. Check the anaesthetist and the time; if both are right, give the reason to record it anyway.</source>
        <translation>L’anesthésiste {name} avait une autre intervention {window} : {others}. Vérifiez l’anesthésiste et l’heure ; si les deux sont justes, donnez le motif pour l’enregistrer malgré tout.</translation>
    </message>
    <message>
        <source>The patient had another operation {window}: {others}. Check the patient and the time; if both are right, give the reason to record it anyway.</source>
        <translation>Le patient avait une autre intervention {window} : {others}. Vérifiez le patient et l’heure ; si les deux sont justes, donnez le motif pour l’enregistrer malgré tout.</translation>
    </message>
    <message>
        <source>{patient} ({number}), {procedure}, done in theatre {theatre} at {at}, expected to run until {until}</source>
        <translation>{patient} ({number}), {procedure}, réalisée en salle {theatre} à {at}, prévue jusqu’à {until}</translation>
    </message>
    <message>
        <source>{patient} ({number}), {procedure}, booked in theatre {theatre} {window} and not recorded done</source>
        <translation>{patient} ({number}), {procedure}, programmée en salle {theatre} {window} et non enregistrée comme réalisée</translation>
    </message>
    <message>
        <source>Patient told: choose how the patient was told.</source>
        <translation>Patient informé : choisissez comment le patient a été informé.</translation>
    </message>
    <message>
        <source>This booking is {status}: there is no cancellation or new date to tell the patient of.</source>
        <translation>Cette programmation est {status} : il n’y a ni annulation ni nouvelle date à annoncer au patient.</translation>
    </message>
    <message>
        <source>{when} — {times}</source>
        <translation>{when} — {times}</translation>
    </message>
    <message>
        <source>cancelled {count}×</source>
        <translation>annulée {count} fois</translation>
    </message>
    <message>
        <source>{phone} (next of kin)</source>
        <translation>{phone} (personne à prévenir)</translation>
    </message>
    <message>
        <source>ward {ward}</source>
        <translation>service {ward}</translation>
    </message>
    <message>
        <source>ward {ward} ({details})</source>
        <translation>service {ward} ({details})</translation>
    </message>
    <message>
        <source>bed {bed}</source>
        <translation>lit {bed}</translation>
    </message>
    <message>
        <source>{operation} ({length})</source>
        <translation>{operation} ({length})</translation>
    </message>
    <message>
        <source>{path} already exists: choose a new file for a new database.</source>
        <translation>{path} existe déjà : choisissez un nouveau fichier pour une nouvelle base.</translation>
    </message>
    <message>
        <source>encrypted (SQLCipher); each staff member's PIN opens it</source>
        <translation>chiffrée (SQLCipher) ; le code de chaque membre du personnel l’ouvre</translation>
    </message>
    <message>
        <source>NOT encrypted (set up with --unencrypted)</source>
        <translation>NON chiffrée (configurée avec --unencrypted)</translation>
    </message>
    <message>
        <source>Beds: {part} is not a range of up to {most} beds (first number, a dash, a larger number).</source>
        <translation>Lits : {part} n’est pas une plage d’au plus {most} lits (un premier nombre, un tiret, un nombre plus grand).</translation>
    </message>
    <message>
        <source>Beds: list at least one, e.g. 1-20, 21A, Side room.</source>
        <translation>Lits : en indiquer au moins un, par ex. 1-20, 21A, Chambre seule.</translation>
    </message>
    <message>
        <source>Ward code and ward name are both required.</source>
        <translation>Le code et le nom du service sont tous deux obligatoires.</translation>
    </message>
    <message>
        <source>Ward code: no "/" (a bed is named ward/bed, e.g. 3B/12).</source>
        <translation>Code du service : pas de « / » (un lit se nomme service/lit, par ex. 3B/12).</translation>
    </message>
    <message>
        <source>Ward code {ward}: at most {most} characters, as the forms take it.</source>
        <translation>Code du service {ward} : {most} caractères au plus, comme le prennent les fiches.</translation>
    </message>
    <message>
        <source>Ward {ward} already exists; add beds to it instead (Wards and beds, or 'downtime ward add-beds').</source>
        <translation>Le service {ward} existe déjà ; ajoutez-y plutôt des lits (Services et lits, ou « downtime ward add-beds »).</translation>
    </message>
    <message>
        <source>Unknown ward {ward}.</source>
        <translation>Service {ward} inconnu.</translation>
    </message>
    <message>
        <source>Beds: one is empty.</source>
        <translation>Lits : l’un est vide.</translation>
    </message>
    <message>
        <source>Bed {bed}: no "/" (a bed is named ward/bed, e.g. 3B/12).</source>
        <translation>Lit {bed} : pas de « / » (un lit se nomme service/lit, par ex. 3B/12).</translation>
    </message>
    <message>
        <source>Bed {bed}: at most {most} characters, as the admission and transfer forms take it.</source>
        <translation>Lit {bed} : {most} caractères au plus, comme le prennent les fiches d’admission et de mutation.</translation>
    </message>
    <message>
        <source>Bed {bed} is already in ward {ward}.</source>
        <translation>Le lit {bed} existe déjà dans le service {ward}.</translation>
    </message>
    <message>
        <source>Bed {bed} is listed twice.</source>
        <translation>Le lit {bed} est indiqué deux fois.</translation>
    </message>
    <message>
        <source>{name} ({role}) may not {action}</source>
        <translation>{name} ({role}) n’a pas le droit : {action}</translation>
    </message>
    <message>
        <source>{name}'s account has been deactivated by an administrator: nothing was recorded. Sign in with an active account.</source>
        <translation>Le compte de {name} a été désactivé par un administrateur : rien n’a été enregistré. Connectez-vous avec un compte actif.</translation>
    </message>
    <message>
        <source>the backup copy failed its check ({problems})</source>
        <translation>la copie de sauvegarde n’a pas passé sa vérification ({problems})</translation>
    </message>
    <message>
        <source>no backup at {path}</source>
        <translation>aucune sauvegarde à {path}</translation>
    </message>
    <message>
        <source>{path} exists: move it aside first (it may be needed to find out what went wrong)</source>
        <translation>{path} existe : déplacez-le d’abord (il peut servir à comprendre ce qui s’est passé)</translation>
    </message>
    <message>
        <source>{path} is not sound ({problem}): nothing was put in place</source>
        <translation>{path} n’est pas saine ({problem}) : rien n’a été mis en place</translation>
    </message>
    <message>
        <source>{path} is encrypted and its key slots ({keys}) are not beside it: copy that file beside it from where the database came (a backup's .keys file, renamed {keys}, opens it too, with the PINs of the day it was made), then try again</source>
        <translation>{path} est chiffré et ses emplacements de clé ({keys}) ne sont pas à côté : copiez ce fichier à côté depuis l’endroit d’où vient la base (le fichier .keys d’une sauvegarde, renommé {keys}, l’ouvre aussi, avec les codes PIN du jour où elle a été faite), puis réessayez</translation>
    </message>
    <message>
        <source>{path} cannot be read ({problem}); restore it from a backup</source>
        <translation>{path} ne peut pas être lu ({problem}) ; restaurez-le depuis une sauvegarde</translation>
    </message>
    <message>
        <source>{path} is not a Downtime key-slot file; restore it from a backup</source>
        <translation>{path} n’est pas un fichier de clés Downtime ; restaurez-le depuis une sauvegarde</translation>
    </message>
    <message>
        <source>no database at {path} (create one with 'downtime demo' or the app's first run)</source>
        <translation>aucune base à {path} (créez-en une avec « downtime demo » ou au premier lancement de l’application)</translation>
    </message>
    <message>
        <source>this command opens patient data: give --user and --pin (or set DOWNTIME_USER and DOWNTIME_PIN)</source>
        <translation>cette commande ouvre des données patient : donnez --user et --pin (ou définissez DOWNTIME_USER et DOWNTIME_PIN)</translation>
    </message>
    <message>
        <source>{path} holds a ward database, not a demo: demo data is never mixed with real patients (choose another --db)</source>
        <translation>{path} contient une base de service, pas une démonstration : les données de démonstration ne sont jamais mêlées aux vrais patients (choisissez un autre --db)</translation>
    </message>
    <message>
        <source>Demo ward created in {path}: {count} patients on {device}.</source>
        <translation>Service de démonstration créé dans {path} : {count} patients sur {device}.</translation>
    </message>
    <message>
        <source>The demo database is {state}.</source>
        <translation>La base de démonstration est {state}.</translation>
    </message>
    <message>
        <source>Using the existing demo ward in {path} (add --fresh to start again).</source>
        <translation>Service de démonstration existant utilisé, dans {path} (ajoutez --fresh pour repartir de zéro).</translation>
    </message>
    <message>
        <source>Demo accounts (staff ID / PIN / role):</source>
        <translation>Comptes de démonstration (identifiant / code / rôle) :</translation>
    </message>
    <message>
        <source>NOT SOUND: {problem}</source>
        <translation>NON INTÈGRE : {problem}</translation>
    </message>
    <message>
        <source>sound: {path} passes the integrity check and its audit chain verifies, up to the newest backup's end</source>
        <translation>intègre : {path} passe le contrôle d’intégrité et sa chaîne d’audit est vérifiée, jusqu’à la fin de la dernière sauvegarde</translation>
    </message>
    <message>
        <source>(no backup of it was found in {folder}, so the end of its audit log was checked against none: entries cut from that end, with the rows they wrote, would not show. Verify again with its backups there, e.g. their USB stick plugged in.)</source>
        <translation>(aucune sauvegarde de cette base dans {folder} : la fin de son journal d’audit n’a été comparée à aucune ; des entrées retirées de cette fin, avec les lignes qu’elles ont écrites, n’apparaîtraient pas. Vérifiez à nouveau avec ses sauvegardes présentes, par exemple leur clé USB branchée.)</translation>
    </message>
    <message>
        <source>no patient found</source>
        <translation>aucun patient trouvé</translation>
    </message>
    <message>
        <source>--out: the folder {folder} is not there (is the USB stick plugged in?); nothing was written.</source>
        <translation>--out : le dossier {folder} n’existe pas (la clé USB est-elle branchée ?) ; rien n’a été écrit.</translation>
    </message>
    <message>
        <source>database file (default: $DOWNTIME_DB, else {path})</source>
        <translation>fichier de la base (par défaut : $DOWNTIME_DB, sinon {path})</translation>
    </message>
    <message>
        <source>database file (default: {path}; $DOWNTIME_DB is not used)</source>
        <translation>fichier de la base (par défaut : {path} ; $DOWNTIME_DB n’est pas utilisé)</translation>
    </message>
    <message>
        <source>take the patients of two laptops set up with the same device number (refused without it): each of their downtime numbers is then shown with its laptop, 'DT-007-00001-1 (laptop 6e8f94ed)'; copies of one database stay refused</source>
        <translation>prendre les patients de deux portables installés avec le même numéro d’appareil (refusé sans cette option) : chacun de leurs numéros de procédure dégradée est alors affiché avec son portable, « DT-007-00001-1 (portable 6e8f94ed) » ; les copies d’une même base restent refusées</translation>
    </message>
    <message>
        <source>staff ID of the person acting</source>
        <translation>identifiant de la personne qui agit</translation>
    </message>
    <message>
        <source>{who} (default: $DOWNTIME_USER)</source>
        <translation>{who} (par défaut : $DOWNTIME_USER)</translation>
    </message>
    <message>
        <source>their PIN (default: $DOWNTIME_PIN; left out at a terminal, it is asked for, unseen)</source>
        <translation>son code PIN (par défaut : $DOWNTIME_PIN ; omis dans un terminal, il est demandé, sans s’afficher)</translation>
    </message>
    <message>
        <source>give {option} (or run the command at a terminal, which asks for it unseen)</source>
        <translation>donnez {option} (ou lancez la commande dans un terminal, qui le demande sans l’afficher)</translation>
    </message>
    <message>
        <source>The same PIN again</source>
        <translation>Le même code PIN à nouveau</translation>
    </message>
    <message>
        <source>the two PINs typed differ; nothing was changed</source>
        <translation>les deux codes PIN saisis diffèrent ; rien n’a été changé</translation>
    </message>
    <message>
        <source>{option}: no PIN typed, the question left; nothing was changed</source>
        <translation>{option} : aucun code PIN saisi, question abandonnée ; rien n’a été changé</translation>
    </message>
    <message>
        <source>staff ID of the witness, a second nurse or doctor (default: $DOWNTIME_WITNESS_USER)</source>
        <translation>identifiant du témoin, un second infirmier ou médecin (par défaut : $DOWNTIME_WITNESS_USER)</translation>
    </message>
    <message>
        <source>the witness's PIN (default: $DOWNTIME_WITNESS_PIN)</source>
        <translation>code PIN du témoin (par défaut : $DOWNTIME_WITNESS_PIN)</translation>
    </message>
    <message>
        <source>downtime number (or anything that finds exactly one patient)</source>
        <translation>numéro de procédure dégradée (ou tout ce qui trouve un seul patient)</translation>
    </message>
    <message>
        <source>JSON lines</source>
        <translation>lignes JSON</translation>
    </message>
    <message>
        <source>the PDF file to write, in a folder that is there</source>
        <translation>le fichier PDF à écrire, dans un dossier existant</translation>
    </message>
    <message>
        <source>staff ID of the person printing, whom the pages name; none: they say printed blank with no one signed in</source>
        <translation>identifiant de la personne qui imprime, nommée sur les pages ; sans : elles indiquent une impression vierge sans personne connectée</translation>
    </message>
    <message>
        <source>ward code, e.g. 3B</source>
        <translation>code du service, p. ex. 3B</translation>
    </message>
    <message>
        <source>the drug as the register names it, e.g. Morphine</source>
        <translation>le médicament tel que le registre le nomme, p. ex. Morphine</translation>
    </message>
    <message>
        <source>the unit it is counted in, e.g. mg</source>
        <translation>l’unité dans laquelle il est compté, p. ex. mg</translation>
    </message>
    <message>
        <source>language of labels and messages (default: the one chosen in the app on this laptop, else en)</source>
        <translation>langue des libellés et des messages (par défaut : celle choisie dans l’application sur ce portable, sinon en)</translation>
    </message>
    <message>
        <source>PIN of {staff_id}</source>
        <translation>Code PIN de {staff_id}</translation>
    </message>
    <message>
        <source>{path} was set up on another computer and is opened on this one for the first time: if it is a copy that laptop goes on using, both would give device {number}'s downtime numbers to different patients. An administrator says which it is: 'downtime set this-laptop replaces' (that laptop will not be used again, or this is the same laptop under another account), or 'downtime set this-laptop copy NUMBER NAME' (this copy becomes a laptop of its own, with the device number IT gives it).</source>
        <translation>{path} a été installée sur un autre ordinateur et s’ouvre sur celui-ci pour la première fois : si c’est une copie que ce portable continue d’utiliser, les deux donneraient les numéros de procédure dégradée de l’appareil {number} à des patients différents. Un administrateur dit ce qu’il en est : « downtime set this-laptop replaces » (ce portable ne sera plus utilisé, ou c’est le même portable sous un autre compte), ou « downtime set this-laptop copy NUMÉRO NOM » (cette copie devient un portable à part entière, avec le numéro d’appareil que l’informatique lui donne).</translation>
    </message>
    <message>
        <source>ok  {form} (version {version}, {count} fields)</source>
        <translation>ok  {form} (version {version}, {count} champs)</translation>
    </message>
    <message>
        <source>(formerly {name})</source>
        <translation>(anciennement {name})</translation>
    </message>
    <message>
        <source>(no bed)</source>
        <translation>(sans lit)</translation>
    </message>
    <message>
        <source>ward {ward} ({name}): {count} beds: {beds}</source>
        <translation>service {ward} ({name}) : {count} lits : {beds}</translation>
    </message>
    <message>
        <source>unknown form {form}; forms: {forms}</source>
        <translation>formulaire {form} inconnu ; formulaires : {forms}</translation>
    </message>
    <message>
        <source>RECORD_ID {record_id}: no record of that id in this database; a record's id is the first column of 'downtime records'.</source>
        <translation>RECORD_ID {record_id} : aucun enregistrement de cet identifiant dans cette base ; l’identifiant d’un enregistrement est la première colonne de « downtime records ».</translation>
    </message>
    <message>
        <source>--count: from 1 to {most} labels</source>
        <translation>--count : de 1 à {most} étiquettes</translation>
    </message>
    <message>
        <source>{text} matches {count} patients; give the downtime number</source>
        <translation>{text} correspond à {count} patients ; donnez le numéro de procédure dégradée</translation>
    </message>
    <message>
        <source>--count: from 1 to {most} numbers</source>
        <translation>--count : de 1 à {most} numéros</translation>
    </message>
    <message>
        <source>{count} numbers reserved for patients admitted on paper, {first} to {last}: {out}</source>
        <translation>{count} numéros réservés aux patients admis sur papier, de {first} à {last} : {out}</translation>
    </message>
    <message>
        <source>Every number reserved for paper admissions on this laptop has been given to a patient.</source>
        <translation>Tous les numéros réservés aux admissions sur papier sur ce portable ont été attribués à un patient.</translation>
    </message>
    <message>
        <source>--days: 1 to {most}</source>
        <translation>--days : 1 à {most}</translation>
    </message>
    <message>
        <source>a controlled-drug entry needs a witness: give --witness-user and --witness-pin</source>
        <translation>une écriture au registre des stupéfiants demande un témoin : donnez --witness-user et --witness-pin</translation>
    </message>
    <message>
        <source>PIN of the witness, {staff_id}</source>
        <translation>Code PIN du témoin, {staff_id}</translation>
    </message>
    <message>
        <source>{drug} on ward {ward}: balance {balance} {unit}</source>
        <translation>{drug} dans le service {ward} : solde {balance} {unit}</translation>
    </message>
    <message>
        <source>--counted: a count is never below zero</source>
        <translation>--counted : un décompte n’est jamais inférieur à zéro</translation>
    </message>
    <message>
        <source>--dose: {dose} is not one of the latest doses of {drug} ({unit}) on ward {ward}'s register; without --dose, the command lists them</source>
        <translation>--dose : {dose} n’est pas l’une des dernières administrations de {drug} ({unit}) au registre du service {ward} ; sans --dose, la commande les liste</translation>
    </message>
    <message>
        <source>--quantity: how much was discarded, in {unit}</source>
        <translation>--quantity : la quantité jetée, en {unit}</translation>
    </message>
    <message>
        <source>--quantity: the quantity discarded must be above zero</source>
        <translation>--quantity : la quantité jetée doit être supérieure à zéro</translation>
    </message>
    <message>
        <source>round-thresholds takes two numbers of minutes: LATE OVERDUE (e.g. 30 60)</source>
        <translation>round-thresholds prend deux nombres de minutes : RETARD DÉPASSÉ (ex. : 30 60)</translation>
    </message>
    <message>
        <source>This laptop belongs to ward {ward}: its lists open on that ward.</source>
        <translation>Ce portable appartient au service {ward} : ses listes s’ouvrent sur ce service.</translation>
    </message>
    <message>
        <source>This laptop belongs to no ward: the patient list and the NEWS2 escalations open on all wards.</source>
        <translation>Ce portable n’appartient à aucun service : la liste des patients et les alertes NEWS2 s’ouvrent sur tous les services.</translation>
    </message>
    <message>
        <source>--drug {drug} --unit {unit}: ward {ward}'s controlled-drug register has no page yet: a drug delivered for the first time starts its page with 'downtime cd receive --new-page'.</source>
        <translation>--drug {drug} --unit {unit} : le registre des stupéfiants du service {ward} n’a encore aucune page : un médicament livré pour la première fois ouvre sa page avec « downtime cd receive --new-page ».</translation>
    </message>
    <message>
        <source>--drug {drug} --unit {unit}: no such page in ward {ward}'s controlled-drug register; its pages: {pages}. Type one as it is written there (a drug delivered for the first time starts its page with 'downtime cd receive --new-page').</source>
        <translation>--drug {drug} --unit {unit} : aucune page de ce nom dans le registre des stupéfiants du service {ward} ; ses pages : {pages}. Tapez-en une telle qu’elle y est écrite (un médicament livré pour la première fois ouvre sa page avec « downtime cd receive --new-page »).</translation>
    </message>
    <message>
        <source>--drug {drug} --unit {unit} is close to {pages} on ward {ward}'s controlled-drug register: no new page was opened, as one drug on two pages leaves both balances wrong. If it is the same drug, type it as its page writes it; if it is another drug, delivered for the first time, give --new-page {other_than}.</source>
        <translation>--drug {drug} --unit {unit} est proche de {pages} dans le registre des stupéfiants du service {ward} : aucune page n’a été ouverte, car un même médicament sur deux pages fausse les deux soldes. Si c’est le même médicament, tapez-le tel que sa page l’écrit ; si c’est un autre médicament, livré pour la première fois, donnez --new-page {other_than}.</translation>
    </message>
    <message>
        <source>--other-than goes with --new-page: it says which page the new one is not</source>
        <translation>--other-than s’emploie avec --new-page : il dit de quelle page la nouvelle se distingue</translation>
    </message>
    <message>
        <source>--counted {counted}: {difference}. This is a discrepancy, written as one on the register to be investigated: count again with your witness; if the count stands, tell the nurse in charge or the pharmacist and give --discrepancy-note saying who was told</source>
        <translation>--counted {counted} : {difference}. C’est un écart, enregistré comme tel au registre pour être analysé : recomptez avec votre témoin ; si le compte se confirme, prévenez le cadre de santé ou le pharmacien et donnez --discrepancy-note indiquant qui a été prévenu</translation>
    </message>
    <message>
        <source>--discrepancy-note: {counted} {unit} counted, as the register holds: there is no discrepancy (a note goes with --note)</source>
        <translation>--discrepancy-note : {counted} {unit} compté(s), comme au registre : il n’y a pas d’écart (une remarque se donne avec --note)</translation>
    </message>
    <message>
        <source>Discrepancy written on the register: {difference}</source>
        <translation>Écart enregistré au registre : {difference}</translation>
    </message>
    <message>
        <source>idle-lock takes one number of minutes (e.g. 5)</source>
        <translation>idle-lock prend un nombre de minutes (ex. : 5)</translation>
    </message>
    <message>
        <source>backups takes FOLDER EVERY_MINUTES KEEP (e.g. /media/usb/backups 15 10)</source>
        <translation>backups prend DOSSIER TOUTES_LES_MINUTES NOMBRE_GARDÉ (ex. : /media/usb/backups 15 10)</translation>
    </message>
    <message>
        <source>{name} set to {value}</source>
        <translation>{name} réglé sur {value}</translation>
    </message>
    <message>
        <source>This laptop goes on as device {number} ({name}): the computer it was set up on must not use it again.</source>
        <translation>Ce portable continue comme appareil {number} ({name}) : l’ordinateur sur lequel la base a été installée ne doit plus l’utiliser.</translation>
    </message>
    <message>
        <source>this-laptop takes 'replaces', or 'copy NUMBER NAME' (e.g. copy 8 "Ward 3B laptop 2")</source>
        <translation>this-laptop prend « replaces », ou « copy NUMÉRO NOM » (ex. : copy 8 "Portable 2 du service 3B")</translation>
    </message>
    <message>
        <source>This copy is now a laptop of its own, device {number} ({name}): its patients are numbered {new}….</source>
        <translation>Cette copie est désormais un portable à part entière, appareil {number} ({name}) : ses patients sont numérotés {new}….</translation>
    </message>
    <message>
        <source>This laptop is now named {name} (device {number}).</source>
        <translation>Ce portable s’appelle désormais {name} (appareil {number}).</translation>
    </message>
    <message>
        <source>device-number takes one number, the laptop's own in the hospital's downtime plan (e.g. 7)</source>
        <translation>device-number prend un nombre, celui du portable dans le plan de procédure dégradée de l’hôpital (ex. : 7)</translation>
    </message>
    <message>
        <source>This laptop is now device {number}: patients registered from now on are numbered {new}…; the {count} it numbered before keep theirs ({old}…), as on their wristbands and forms. No other laptop may have device number {number}: check the hospital's list.</source>
        <translation>Ce portable est désormais l’appareil {number} : les patients enregistrés à partir de maintenant sont numérotés {new}… ; les {count} qu’il a numérotés avant gardent le leur ({old}…), comme sur leur bracelet et leurs formulaires. Aucun autre portable ne peut avoir le numéro d’appareil {number} : vérifiez la liste de l’hôpital.</translation>
    </message>
    <message>
        <source>This laptop is now device {number}: its patients are numbered {new}…. No other laptop may have device number {number}: check the hospital's list.</source>
        <translation>Ce portable est désormais l’appareil {number} : ses patients sont numérotés {new}…. Aucun autre portable ne peut avoir le numéro d’appareil {number} : vérifiez la liste de l’hôpital.</translation>
    </message>
    <message>
        <source>set-up saved to {path}: load it on each other laptop with 'downtime setup-file load {path}'</source>
        <translation>configuration enregistrée dans {path} : chargez-la sur chacun des autres portables avec « downtime setup-file load {path} »</translation>
    </message>
    <message>
        <source>backed up to {path} (made {when})</source>
        <translation>sauvegardé dans {path} (le {when})</translation>
    </message>
    <message>
        <source>restored {backup} (made {when}) as {target}: {state}</source>
        <translation>{backup} (du {when}) restauré sous {target} : {state}</translation>
    </message>
    <message>
        <source>integrity and audit chain sound</source>
        <translation>intégrité et chaîne d’audit vérifiées</translation>
    </message>
    <message>
        <source>It is device {number} ({name}): open it only on a laptop that replaces that one, never beside it (two laptops with one database give one downtime number to two patients); set a second laptop up with 'downtime setup'.</source>
        <translation>C’est l’appareil {number} ({name}) : ne l’ouvrez que sur un portable qui remplace celui-ci, jamais à côté (deux portables avec une même base donnent un même numéro de procédure dégradée à deux patients) ; installez un second portable avec « downtime setup ».</translation>
    </message>
    <message>
        <source>--date {text}: write the day as YYYY-MM-DD</source>
        <translation>--date {text} : écrivez le jour sous la forme AAAA-MM-JJ</translation>
    </message>
    <message>
        <source>Theatre list — {day}</source>
        <translation>Programme opératoire — {day}</translation>
    </message>
    <message>
        <source>No theatre session this day.</source>
        <translation>Aucune vacation ce jour.</translation>
    </message>
    <message>
        <source>Theatre {theatre} — {specialty} — {start}–{end}</source>
        <translation>Salle {theatre} — {specialty} — {start}–{end}</translation>
    </message>
    <message>
        <source>No operation booked.</source>
        <translation>Aucune intervention programmée.</translation>
    </message>
    <message>
        <source>{warning} Give it with --clash-reason.</source>
        <translation>{warning} Donnez-le avec --clash-reason.</translation>
    </message>
    <message>
        <source>operation {booking} recorded done at {at}, theatre {theatre}</source>
        <translation>intervention {booking} enregistrée comme réalisée le {at}, salle {theatre}</translation>
    </message>
    <message>
        <source>PATIENT DIED: not to rebook</source>
        <translation>PATIENT DÉCÉDÉ : ne pas reprogrammer</translation>
    </message>
    <message>
        <source>not exported: no records office key is set on this laptop ('downtime set export-key', by IT) nor given (--encrypt-to), so every patient's record would go into {folder} in plain text; give the key, or --plain to export it NOT ENCRYPTED all the same</source>
        <translation>non exporté : aucune clé du bureau des entrées n’est réglée sur ce portable (« downtime set export-key », par l’informatique) ni donnée (--encrypt-to), et le dossier de chaque patient irait en clair dans {folder} ; donnez la clé, ou --plain pour l’exporter NON CHIFFRÉ malgré tout</translation>
    </message>
    <message>
        <source>--plain: this laptop's exports are encrypted to the records office's key IT set ('downtime set export-key'); leave out --plain</source>
        <translation>--plain : les exports de ce portable sont chiffrés pour la clé du bureau des entrées réglée par l’informatique (« downtime set export-key ») ; retirez --plain</translation>
    </message>
    <message>
        <source>warning: this export is NOT ENCRYPTED: every patient's record goes into {folder} in plain text, readable by whoever holds the stick</source>
        <translation>attention : cet export n’est PAS CHIFFRÉ : le dossier de chaque patient part en clair dans {folder}, lisible par quiconque détient la clé USB</translation>
    </message>
    <message>
        <source>exported {count} record version(s) to {folder}</source>
        <translation>{count} version(s) d’enregistrement exportée(s) dans {folder}</translation>
    </message>
    <message>
        <source>exported {count} record version(s) to {folder}, NOT ENCRYPTED (plain text)</source>
        <translation>{count} version(s) d’enregistrement exportée(s) dans {folder}, NON CHIFFRÉ (en clair)</translation>
    </message>
    <message>
        <source>every file is encrypted (.age) to {count} public key(s)</source>
        <translation>chaque fichier est chiffré (.age) pour {count} clé(s) publique(s)</translation>
    </message>
    <message>
        <source>public key: {key}</source>
        <translation>clé publique : {key}</translation>
    </message>
    <message>
        <source>Keep {path} secret, in the records office: it is the only way to open encrypted exports.</source>
        <translation>Gardez {path} secret, au bureau des entrées : c’est le seul moyen d’ouvrir les exports chiffrés.</translation>
    </message>
    <message>
        <source>Give the wards only the public key above, for 'downtime export --encrypt-to'.</source>
        <translation>Ne donnez aux services que la clé publique ci-dessus, pour « downtime export --encrypt-to ».</translation>
    </message>
    <message>
        <source>decrypted {count} file(s) into {folder}; every file matches its manifest</source>
        <translation>{count} fichier(s) déchiffré(s) dans {folder} ; chaque fichier correspond à son manifeste</translation>
    </message>
    <message>
        <source>nothing new</source>
        <translation>rien de nouveau</translation>
    </message>
    <message>
        <source>imported {path} ({kind}): {added}; {unchanged} already here, unchanged</source>
        <translation>{path} importé ({kind}) : {added} ; {unchanged} déjà présent(s), inchangé(s)</translation>
    </message>
    <message>
        <source>{done} of {total} record(s) done: {entered} entered in the EHR, {not_entered} not to be entered as the ward said</source>
        <translation>{done} fiche(s) sur {total} traitée(s) : {entered} saisie(s) dans le DPI, {not_entered} à ne pas saisir selon le service</translation>
    </message>
    <message>
        <source>{done} of {total} record(s) entered in the EHR</source>
        <translation>{done} sur {total} enregistrement(s) saisi(s) dans le DPI</translation>
    </message>
    <message>
        <source>Record {record} stands at version {version}, not {given}: read its line in `downtime worklist` again, then give --version {version}.</source>
        <translation>L’enregistrement {record} en est à la version {version}, pas {given} : relisez sa ligne dans `downtime worklist`, puis donnez --version {version}.</translation>
    </message>
    <message>
        <source>record {record} version {version} marked entered in the EHR as {reference}</source>
        <translation>enregistrement {record} version {version} marqué saisi dans le DPI sous {reference}</translation>
    </message>
    <message>
        <source>Its line said: {to_do}</source>
        <translation>Sa ligne disait : {to_do}</translation>
    </message>
    <message>
        <source>record {record} version {version} marked not to be entered in the EHR: the ward ({ward_said}) said: {reason}</source>
        <translation>enregistrement {record} version {version} marqué à ne pas saisir dans le DPI : le service ({ward_said}) a dit : {reason}</translation>
    </message>
    <message>
        <source>record {record} is not on hold</source>
        <translation>l’enregistrement {record} n’est pas en attente</translation>
    </message>
    <message>
        <source>--choose or --combine: one of them, not both</source>
        <translation>--choose ou --combine : l’un des deux, pas les deux</translation>
    </message>
    <message>
        <source>--choose: a number from 1 to {count}, as listed without it</source>
        <translation>--choose : un numéro de 1 à {count}, comme listé sans cette option</translation>
    </message>
    <message>
        <source>record {record} not settled: choosing {choice}, {dropped}. Add --drop-changes only once the ward has said these are to be dropped{combine}.</source>
        <translation>enregistrement {record} non tranché : en choisissant {choice}, {dropped}. Ajoutez --drop-changes seulement une fois que le service a dit de les abandonner{combine}.</translation>
    </message>
    <message>
        <source>; or keep both changes with --combine</source>
        <translation> ; ou gardez les deux modifications avec --combine</translation>
    </message>
    <message>
        <source>record {record} settled: version {version} stands, to back-enter</source>
        <translation>enregistrement {record} tranché : la version {version} fait foi, à saisir dans le DPI</translation>
    </message>
    <message>
        <source>record {record} settled: version {version} withdraws it, and as nobody entered it in the EHR it leaves the worklist</source>
        <translation>enregistrement {record} tranché : la version {version} l’annule, et comme personne ne l’avait saisi dans le DPI, il quitte la liste de ressaisie</translation>
    </message>
    <message>
        <source>Dropped: {dropped}</source>
        <translation>Abandonné : {dropped}</translation>
    </message>
    <message>
        <source>{said} Give --replace {ehr} to link it to {new} instead.</source>
        <translation>{said} Donnez --replace {ehr} pour le lier à {new} à la place.</translation>
    </message>
    <message>
        <source>{said} Give --not-the-admissions-ipp to link it to {ehr} all the same.</source>
        <translation>{said} Donnez --not-the-admissions-ipp pour le lier à {ehr} malgré tout.</translation>
    </message>
    <message>
        <source>{number} is EHR patient {ehr}; exports now say it was replaced by that number</source>
        <translation>{number} est le patient {ehr} du DPI ; les exports indiquent désormais qu’il est remplacé par ce numéro</translation>
    </message>
    <message>
        <source>It replaces EHR patient {replaced}, under which nothing was entered.</source>
        <translation>Il remplace le patient {replaced} du DPI, sous lequel rien n’a été saisi.</translation>
    </message>
    <message>
        <source>record {record} marked moved in the EHR from patient {old} to patient {new}</source>
        <translation>fiche {record} marquée déplacée dans le DPI du patient {old} au patient {new}</translation>
    </message>
    <message>
        <source>--patients must be 1 or more</source>
        <translation>--patients doit valoir 1 ou plus</translation>
    </message>
    <message>
        <source>PROBABLE DUPLICATE: {numbers} have {why}</source>
        <translation>DOUBLON PROBABLE : {numbers} ont {why}</translation>
    </message>
    <message>
        <source>added {staff_id} ({role})</source>
        <translation>{staff_id} ajouté ({role})</translation>
    </message>
    <message>
        <source>{staff_id} can no longer sign in; their records stay</source>
        <translation>{staff_id} ne peut plus se connecter ; ses enregistrements restent</translation>
    </message>
    <message>
        <source>Current PIN of {staff_id}</source>
        <translation>Code PIN actuel de {staff_id}</translation>
    </message>
    <message>
        <source>New PIN of {staff_id}</source>
        <translation>Nouveau code PIN de {staff_id}</translation>
    </message>
    <message>
        <source>{staff_id}: your new PIN is set; sign in with it from now on</source>
        <translation>{staff_id} : votre nouveau code PIN est enregistré ; connectez-vous désormais avec lui</translation>
    </message>
    <message>
        <source>active</source>
        <translation>actif</translation>
    </message>
    <message>
        <source>deactivated</source>
        <translation>désactivé</translation>
    </message>
    <message>
        <source>set up {path} as device {number} ({name}); {state}</source>
        <translation>{path} configurée comme appareil {number} ({name}) ; {state}</translation>
    </message>
    <message>
        <source>Add a second administrator now, one on the ward (the nurse in charge): an agency nurse arriving at night needs an account, and no one can reset the last administrator's forgotten PIN ('downtime staff add ID --name NAME --role administrator').</source>
        <translation>Ajoutez dès maintenant un second administrateur, présent dans le service (l’infirmier·ère responsable) : une intérimaire arrivant la nuit a besoin d’un compte, et personne ne peut réinitialiser le code oublié du dernier administrateur (« downtime staff add ID --name NOM --role administrator »).</translation>
    </message>
    <message>
        <source>usage: </source>
        <translation>utilisation : </translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation>arguments positionnels</translation>
    </message>
    <message>
        <source>options</source>
        <translation>options</translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation>afficher cette aide et quitter</translation>
    </message>
    <message>
        <source>Ward records while the EHR is down.</source>
        <translation>Les dossiers du service pendant l’indisponibilité du DPI.</translation>
    </message>
    <message>
        <source>show program's version number and exit</source>
        <translation>afficher le numéro de version du programme et quitter</translation>
    </message>
    <message>
        <source>commands</source>
        <translation>commandes</translation>
    </message>
    <message>
        <source>open the app (the default)</source>
        <translation>ouvrir l’application (par défaut)</translation>
    </message>
    <message>
        <source>create (or reuse) the demo ward database and print its accounts</source>
        <translation>créer (ou reprendre) la base du service de démonstration et afficher ses comptes</translation>
    </message>
    <message>
        <source>throw away the demo database and make it anew</source>
        <translation>supprimer la base de démonstration et la recréer</translation>
    </message>
    <message>
        <source>open the app on it afterwards</source>
        <translation>ouvrir ensuite l’application sur cette base</translation>
    </message>
    <message>
        <source>make a plain (not encrypted) demo database</source>
        <translation>créer une base de démonstration en clair (non chiffrée)</translation>
    </message>
    <message>
        <source>set up an empty database: this laptop's number and the first administrator</source>
        <translation>installer une base vide : le numéro de ce portable et le premier administrateur</translation>
    </message>
    <message>
        <source>1-{most}, from the downtime plan: no two laptops of the hospital alike (their patients would wear the same downtime numbers); every downtime number the laptop gives carries it for good ('downtime set device-number' corrects it for the patients registered after)</source>
        <translation>de 1 à {most}, selon le plan de procédure dégradée : deux portables de l’hôpital n’ont jamais le même (leurs patients porteraient les mêmes numéros de procédure dégradée) ; chaque numéro de procédure dégradée que donne le portable le porte définitivement (« downtime set device-number » le corrige pour les patients enregistrés ensuite)</translation>
    </message>
    <message>
        <source>this laptop's name as the ward calls it, e.g. 'Ward 3B laptop'</source>
        <translation>le nom de ce portable tel que le service l’appelle, p. ex. « Portable du service 3B »</translation>
    </message>
    <message>
        <source>the first administrator's staff ID, typed to sign in</source>
        <translation>l’identifiant du premier administrateur, saisi pour se connecter</translation>
    </message>
    <message>
        <source>the first administrator's full name, as records print it</source>
        <translation>les nom et prénom du premier administrateur, tels que les fiches les impriment</translation>
    </message>
    <message>
        <source>the first administrator's PIN (4-12 digits; left out at a terminal, it is asked for twice, unseen)</source>
        <translation>le code PIN du premier administrateur (4 à 12 chiffres ; omis dans un terminal, il est demandé deux fois, sans s’afficher)</translation>
    </message>
    <message>
        <source>do NOT encrypt the database (only for a machine that is itself encrypted)</source>
        <translation>NE PAS chiffrer la base (seulement sur une machine elle-même chiffrée)</translation>
    </message>
    <message>
        <source>check that this copy of the app works on this laptop: a demo ward in a temporary folder, signed in, printed, previewed, exported and backed up (nothing else is touched)</source>
        <translation>vérifier que cette copie de l’application fonctionne sur ce portable : un service de démonstration dans un dossier temporaire, avec connexion, impression, aperçu, export et sauvegarde (rien d’autre n’est touché)</translation>
    </message>
    <message>
        <source>form definitions</source>
        <translation>définitions des formulaires</translation>
    </message>
    <message>
        <source>forms commands</source>
        <translation>commandes forms</translation>
    </message>
    <message>
        <source>validate every form definition of a folder</source>
        <translation>valider chaque définition de formulaire d’un dossier</translation>
    </message>
    <message>
        <source>folder of *.yaml forms (default: the app's)</source>
        <translation>dossier de formulaires *.yaml (par défaut : celui de l’application)</translation>
    </message>
    <message>
        <source>integrity check and audit-chain check; exit 1 names the first break</source>
        <translation>contrôle d’intégrité et de la chaîne d’audit ; le code de sortie 1 nomme la première rupture</translation>
    </message>
    <message>
        <source>list records (latest version of each)</source>
        <translation>lister les fiches (la dernière version de chacune)</translation>
    </message>
    <message>
        <source>only this form</source>
        <translation>seulement ce formulaire</translation>
    </message>
    <message>
        <source>the numbers reserved for paper admissions that no patient has yet</source>
        <translation>les numéros réservés aux admissions sur papier qu’aucun patient n’a encore</translation>
    </message>
    <message>
        <source>find patients by name, date of birth, downtime number, IPP or NIR</source>
        <translation>chercher des patients par nom, date de naissance, numéro de procédure dégradée, IPP ou NIR</translation>
    </message>
    <message>
        <source>a name, a date of birth (DD/MM/YYYY), a downtime number, an IPP or a NIR</source>
        <translation>un nom, une date de naissance (JJ/MM/AAAA), un numéro de procédure dégradée, un IPP ou un NIR</translation>
    </message>
    <message>
        <source>who is in which bed: one ward or the whole site</source>
        <translation>qui est dans quel lit : un service ou tout le site</translation>
    </message>
    <message>
        <source>only this ward</source>
        <translation>seulement ce service</translation>
    </message>
    <message>
        <source>at this past moment (28/11/2026 08:00, or ISO 8601: 2026-11-28T08:00)</source>
        <translation>à ce moment passé (28/11/2026 08:00, ou ISO 8601 : 2026-11-28T08:00)</translation>
    </message>
    <message>
        <source>wards and beds</source>
        <translation>services et lits</translation>
    </message>
    <message>
        <source>ward commands</source>
        <translation>commandes ward</translation>
    </message>
    <message>
        <source>add a ward and its beds (administrator only)</source>
        <translation>ajouter un service et ses lits (administrateur seulement)</translation>
    </message>
    <message>
        <source>the ward's name, e.g. Medicine</source>
        <translation>le nom du service, p. ex. Médecine</translation>
    </message>
    <message>
        <source>beds in ward order, as the Administration tab takes them: '1-20, 21A, 21B, Side room'</source>
        <translation>les lits dans l’ordre du service, comme l’onglet Administration les prend : « 1-20, 21A, 21B, Chambre seule »</translation>
    </message>
    <message>
        <source>add beds after a ward's last (administrator only; beds are never removed)</source>
        <translation>ajouter des lits après le dernier d’un service (administrateur seulement ; les lits ne sont jamais retirés)</translation>
    </message>
    <message>
        <source>list wards and their beds</source>
        <translation>lister les services et leurs lits</translation>
    </message>
    <message>
        <source>make PDFs</source>
        <translation>créer des PDF</translation>
    </message>
    <message>
        <source>pdf commands</source>
        <translation>commandes pdf</translation>
    </message>
    <message>
        <source>a blank paper form</source>
        <translation>un formulaire papier vierge</translation>
    </message>
    <message>
        <source>form id, e.g. admission; mar for a blank 7-day medication chart, news2 for a blank NEWS2 observation chart</source>
        <translation>identifiant du formulaire, p. ex. admission ; mar pour un plan d’administration vierge de 7 jours, news2 pour une feuille de surveillance NEWS2 vierge</translation>
    </message>
    <message>
        <source>the downtime binder: every blank form a 30-bed ward needs for 8 hours on paper, in one PDF</source>
        <translation>le classeur de procédure dégradée : tous les formulaires vierges dont un service de 30 lits a besoin pour 8 heures sur papier, en un seul PDF</translation>
    </message>
    <message>
        <source>a filled form: the record's latest version and its history</source>
        <translation>un formulaire rempli : la dernière version de la fiche et son historique</translation>
    </message>
    <message>
        <source>the record's id, as 'downtime records' lists it</source>
        <translation>l’identifiant de la fiche, tel que « downtime records » le liste</translation>
    </message>
    <message>
        <source>the census and handover sheet of a ward (landscape)</source>
        <translation>l’état du service et la feuille de transmissions d’un service (paysage)</translation>
    </message>
    <message>
        <source>only this ward (default: the whole site)</source>
        <translation>seulement ce service (par défaut : tout le site)</translation>
    </message>
    <message>
        <source>a sheet of patient ID labels or wristband inserts</source>
        <translation>une planche d’étiquettes d’identification du patient ou d’inserts de bracelet</translation>
    </message>
    <message>
        <source>label sheet (default: the ward's setting, L7160 unless changed)</source>
        <translation>planche d’étiquettes (par défaut : le réglage du service, L7160 sauf changement)</translation>
    </message>
    <message>
        <source>reserve this laptop's next downtime numbers for patients admitted on paper while it is away, and print them as labels for the binder</source>
        <translation>réserver les prochains numéros de procédure dégradée de ce portable pour les patients admis sur papier en son absence, et les imprimer en étiquettes pour le classeur</translation>
    </message>
    <message>
        <source>how many numbers, 1 to {most} (default: {default})</source>
        <translation>combien de numéros, de 1 à {most} (par défaut : {default})</translation>
    </message>
    <message>
        <source>a patient's medication administration record (MAR) chart</source>
        <translation>le plan d’administration des médicaments d’un patient</translation>
    </message>
    <message>
        <source>a patient's NEWS2 observation chart</source>
        <translation>la feuille de surveillance NEWS2 d’un patient</translation>
    </message>
    <message>
        <source>a patient's blood glucose monitoring chart</source>
        <translation>la feuille de surveillance glycémique d’un patient</translation>
    </message>
    <message>
        <source>a patient's repositioning and skin chart</source>
        <translation>la feuille de changements de position et de surveillance cutanée d’un patient</translation>
    </message>
    <message>
        <source>a patient's wound assessment and dressing chart</source>
        <translation>la feuille de suivi des plaies et pansements d’un patient</translation>
    </message>
    <message>
        <source>a patient's line and catheter chart (VIP scores, each device still in)</source>
        <translation>la feuille de surveillance des cathéters et sondes d’un patient (scores VIP, chaque dispositif en place)</translation>
    </message>
    <message>
        <source>a patient's bowel chart (Bristol stool scale)</source>
        <translation>la feuille de surveillance des selles d’un patient (échelle de Bristol)</translation>
    </message>
    <message>
        <source>a patient's pain assessment chart</source>
        <translation>la feuille d’évaluation de la douleur d’un patient</translation>
    </message>
    <message>
        <source>a child's paediatric observation chart (PEWS, the key of their age band)</source>
        <translation>la feuille de surveillance pédiatrique d’un enfant (PEWS, avec les normes de sa tranche d’âge)</translation>
    </message>
    <message>
        <source>a patient's blood transfusion record (each unit, its checks and its fate)</source>
        <translation>la fiche de suivi transfusionnel d’un patient (chaque produit, ses contrôles et son devenir)</translation>
    </message>
    <message>
        <source>a patient's laboratory results received (who phoned, read back, the doctor told)</source>
        <translation>les résultats de laboratoire reçus pour un patient (qui a appelé, relecture, médecin prévenu)</translation>
    </message>
    <message>
        <source>a patient's neurological observation chart (Glasgow Coma Scale, pupils, limbs)</source>
        <translation>la feuille de surveillance neurologique d’un patient (score de Glasgow, pupilles, membres)</translation>
    </message>
    <message>
        <source>a patient's clinical notes, as continuation sheets</source>
        <translation>les notes cliniques d’un patient, en feuilles de transmissions</translation>
    </message>
    <message>
        <source>a patient's fluid balance chart of one day, from 07:00 to 07:00</source>
        <translation>la feuille de bilan entrées-sorties d’un patient pour un jour, de 7 h à 7 h</translation>
    </message>
    <message>
        <source>YYYY-MM-DD, the day the chart begins at 07:00 (default: the chart under way)</source>
        <translation>AAAA-MM-JJ, le jour où la feuille commence à 7 h (par défaut : la feuille en cours)</translation>
    </message>
    <message>
        <source>the MAR charts of every patient of a ward, in one PDF</source>
        <translation>les plans d’administration de tous les patients d’un service, en un seul PDF</translation>
    </message>
    <message>
        <source>a day's theatre list, per theatre, in time order</source>
        <translation>le programme opératoire d’une journée, par salle, dans l’ordre horaire</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-JJ</translation>
    </message>
    <message>
        <source>only this theatre</source>
        <translation>seulement cette salle d’opération</translation>
    </message>
    <message>
        <source>cancelled operations to rebook, with their deadlines</source>
        <translation>les interventions annulées à reprogrammer, avec leurs délais</translation>
    </message>
    <message>
        <source>the back-entry worklist, per patient, in the order to enter it (a hospital's whole list is thousands of pages: print a part with --patients)</source>
        <translation>la liste de ressaisie, par patient, dans l’ordre de saisie (la liste entière d’un hôpital fait des milliers de pages : imprimez-en une partie avec --patients)</translation>
    </message>
    <message>
        <source>only this many patients, 1 or more (default: all)</source>
        <translation>seulement ce nombre de patients, 1 ou plus (par défaut : tous)</translation>
    </message>
    <message>
        <source>start at this patient (default: the first)</source>
        <translation>commencer à ce patient (par défaut : le premier)</translation>
    </message>
    <message>
        <source>only what is left to enter</source>
        <translation>seulement ce qui reste à saisir</translation>
    </message>
    <message>
        <source>the patient's letter of the new date (--lang fr for French)</source>
        <translation>la lettre au patient de la nouvelle date (--lang fr pour le français)</translation>
    </message>
    <message>
        <source>the operation's booking id, as 'downtime theatre rescheduling --json' lists it</source>
        <translation>l’identifiant de la programmation de l’intervention, tel que « downtime theatre rescheduling --json » le liste</translation>
    </message>
    <message>
        <source>theatre lists and rescheduling</source>
        <translation>programmes opératoires et reprogrammation</translation>
    </message>
    <message>
        <source>theatre commands</source>
        <translation>commandes theatre</translation>
    </message>
    <message>
        <source>a day's theatre list</source>
        <translation>le programme opératoire d’une journée</translation>
    </message>
    <message>
        <source>record that a booked operation took place</source>
        <translation>enregistrer qu’une intervention programmée a eu lieu</translation>
    </message>
    <message>
        <source>the operation's booking id, as 'downtime theatre list --json' lists it</source>
        <translation>l’identifiant de programmation de l’intervention, tel que le donne « downtime theatre list --json »</translation>
    </message>
    <message>
        <source>when it took place, e.g. '28/11/2026 08:40'</source>
        <translation>quand elle a eu lieu, par ex. « 28/11/2026 08:40 »</translation>
    </message>
    <message>
        <source>the theatre it took place in (default: its list's)</source>
        <translation>la salle où elle a eu lieu (par défaut : celle de sa vacation)</translation>
    </message>
    <message>
        <source>a note, e.g. what changed on the day</source>
        <translation>une remarque, par ex. ce qui a changé le jour même</translation>
    </message>
    <message>
        <source>cancelled operations not yet rebooked</source>
        <translation>les interventions annulées pas encore reprogrammées</translation>
    </message>
    <message>
        <source>export for back-entry: one CSV per form (all versions) and a manifest</source>
        <translation>exporter pour la ressaisie : un CSV par formulaire (toutes les versions) et un manifeste</translation>
    </message>
    <message>
        <source>a new folder (e.g. on a USB stick)</source>
        <translation>un nouveau dossier (p. ex. sur une clé USB)</translation>
    </message>
    <message>
        <source>only what changed since this laptop's last export</source>
        <translation>seulement ce qui a changé depuis le dernier export de ce portable</translation>
    </message>
    <message>
        <source>encrypt every file to this public key (age1…) or the keys in this file; repeatable (default: the records office's key set with 'set export-key', if any)</source>
        <translation>chiffrer chaque fichier pour cette clé publique (age1…) ou les clés de ce fichier ; répétable (par défaut : la clé du bureau des entrées définie avec « set export-key », s’il y en a une)</translation>
    </message>
    <message>
        <source>export NOT ENCRYPTED, in plain text, on a laptop with no records office's key set: refused without it there, and on a laptop with the key</source>
        <translation>exporter NON CHIFFRÉ, en clair, sur un portable sans clé du bureau des entrées : refusé sans cette option sur un tel portable, et sur un portable qui a la clé</translation>
    </message>
    <message>
        <source>make the records office's key pair for encrypted exports</source>
        <translation>créer la paire de clés du bureau des entrées pour les exports chiffrés</translation>
    </message>
    <message>
        <source>new key file: keep it secret</source>
        <translation>nouveau fichier de clé : gardez-le secret</translation>
    </message>
    <message>
        <source>decrypt an encrypted export and check it against its manifest</source>
        <translation>déchiffrer un export chiffré et le vérifier par son manifeste</translation>
    </message>
    <message>
        <source>the encrypted export folder</source>
        <translation>le dossier de l’export chiffré</translation>
    </message>
    <message>
        <source>the key file made by 'downtime keygen'</source>
        <translation>le fichier de clé créé par « downtime keygen »</translation>
    </message>
    <message>
        <source>a new folder</source>
        <translation>un nouveau dossier</translation>
    </message>
    <message>
        <source>merge laptops' exports (verified against their manifests) for the records office</source>
        <translation>fusionner les exports des portables (vérifiés par leurs manifestes) pour le bureau des entrées</translation>
    </message>
    <message>
        <source>export folders</source>
        <translation>dossiers d’export</translation>
    </message>
    <message>
        <source>load a snapshot (CSV folder or FHIR Bundle .json) before an outage, or an export or merge into the records office's database</source>
        <translation>charger un instantané (dossier CSV ou Bundle FHIR .json) avant une panne, ou un export ou une fusion dans la base du bureau des entrées</translation>
    </message>
    <message>
        <source>a snapshot (CSV folder or FHIR Bundle .json), an export folder or a merge folder</source>
        <translation>un instantané (dossier CSV ou Bundle FHIR .json), un dossier d’export ou un dossier de fusion</translation>
    </message>
    <message>
        <source>the records office's key file (downtime keygen), for an encrypted export</source>
        <translation>le fichier de clé du bureau des entrées (downtime keygen), pour un export chiffré</translation>
    </message>
    <message>
        <source>the records office's back-entry worklist (records staff)</source>
        <translation>la liste de ressaisie du bureau des entrées (personnel du bureau des entrées)</translation>
    </message>
    <message>
        <source>worklist commands</source>
        <translation>commandes worklist</translation>
    </message>
    <message>
        <source>mark a record entered in the EHR, with the EHR's reference</source>
        <translation>marquer une fiche saisie dans le DPI, avec la référence du DPI</translation>
    </message>
    <message>
        <source>the record's id, as the worklist shows it</source>
        <translation>l’identifiant de la fiche, tel que la liste de ressaisie l’affiche</translation>
    </message>
    <message>
        <source>the EHR's reference for what was entered</source>
        <translation>la référence du DPI pour ce qui a été saisi</translation>
    </message>
    <message>
        <source>the version entered, as the worklist shows it (v2); one amended since is refused</source>
        <translation>la version saisie, telle que la liste de ressaisie l’affiche (v2) ; une version modifiée depuis est refusée</translation>
    </message>
    <message>
        <source>record the ward's answer that a line saying to ask the ward is not to be entered in the EHR (one dose recorded twice…)</source>
        <translation>enregistrer la réponse du service selon laquelle une ligne qui dit de demander au service n’est pas à saisir dans le DPI (une dose enregistrée deux fois…)</translation>
    </message>
    <message>
        <source>the version the ward answered about, as the worklist shows it (v2); one amended since is refused</source>
        <translation>la version sur laquelle le service a répondu, telle que la liste de ressaisie l’affiche (v2) ; une version modifiée depuis est refusée</translation>
    </message>
    <message>
        <source>who at the ward said so, e.g. 'Sr Dubois, 3B, by phone'</source>
        <translation>qui l’a dit dans le service, p. ex. « Mme Dubois, 3B, par téléphone »</translation>
    </message>
    <message>
        <source>why, as the ward said, e.g. 'one dose recorded twice'</source>
        <translation>pourquoi, selon le service, p. ex. « une dose enregistrée deux fois »</translation>
    </message>
    <message>
        <source>settle a record on hold with the version the ward says is right (without --choose: list its versions)</source>
        <translation>lever la mise en attente d’une fiche avec la version que le service dit juste (sans --choose : lister ses versions)</translation>
    </message>
    <message>
        <source>the record on hold, by its id as the worklist shows it</source>
        <translation>la fiche en attente, par son identifiant tel que la liste de ressaisie l’affiche</translation>
    </message>
    <message>
        <source>the version chosen, by its number in the list (1 to the number of versions listed without it)</source>
        <translation>la version choisie, par son numéro dans la liste (de 1 au nombre de versions listées sans cette option)</translation>
    </message>
    <message>
        <source>who decided, e.g. 'Sister Martin, ward 3B, by phone'</source>
        <translation>qui a décidé, p. ex. « Mme Martin, cadre du service 3B, par téléphone »</translation>
    </message>
    <message>
        <source>the ward said the safety-critical changes the chosen version drops (an allergy, a dose…) are to be dropped: without it they are named and nothing is settled</source>
        <translation>le service a dit d’abandonner les modifications critiques pour la sécurité que la version choisie écarte (une allergie, une dose…) : sans cette option, elles sont nommées et rien n’est tranché</translation>
    </message>
    <message>
        <source>keep the changes of every version in a new version combining them, where they changed different answers since the version they started from</source>
        <translation>garder les modifications de chaque version dans une nouvelle version qui les combine, quand elles ont modifié des réponses différentes depuis la version dont elles sont parties</translation>
    </message>
    <message>
        <source>reconcile a downtime number to the patient's EHR number</source>
        <translation>rapprocher un numéro de procédure dégradée du numéro du patient dans le DPI</translation>
    </message>
    <message>
        <source>the patient's downtime number, e.g. DT-042-00001-8</source>
        <translation>le numéro de procédure dégradée du patient, p. ex. DT-042-00001-8</translation>
    </message>
    <message>
        <source>the patient's number in the EHR (IPP)</source>
        <translation>le numéro du patient dans le DPI (IPP)</translation>
    </message>
    <message>
        <source>the EHR number is already linked to another downtime number of the same person</source>
        <translation>le numéro du DPI est déjà rapproché d’un autre numéro de procédure dégradée de la même personne</translation>
    </message>
    <message>
        <source>the EHR shows the hospital number (IPP) the admission records is wrong: link to --ehr all the same</source>
        <translation>le DPI montre que le n° hospitalier (IPP) de l’admission est faux : lier à --ehr malgré tout</translation>
    </message>
    <message>
        <source>the EHR number the patient is linked to now, which --ehr replaces (what was entered under it must be moved in the EHR)</source>
        <translation>le numéro DPI auquel le patient est lié maintenant, que --ehr remplace (ce qui a été saisi sous ce numéro doit être déplacé dans le DPI)</translation>
    </message>
    <message>
        <source>mark a record entered under the patient's earlier EHR number as moved in the EHR to the number linked now</source>
        <translation>marquer une fiche saisie sous l’ancien numéro DPI du patient comme déplacée dans le DPI vers le numéro lié maintenant</translation>
    </message>
    <message>
        <source>the ward's controlled-drug register</source>
        <translation>le registre des stupéfiants du service</translation>
    </message>
    <message>
        <source>cd commands</source>
        <translation>commandes cd</translation>
    </message>
    <message>
        <source>stock received, witnessed</source>
        <translation>stock reçu, avec témoin</translation>
    </message>
    <message>
        <source>how much was received, above 0 (a cupboard holding less than the register is a discrepancy: 'downtime cd count')</source>
        <translation>quantité reçue, supérieure à 0 (une armoire contenant moins que le registre est un écart : « downtime cd count »)</translation>
    </message>
    <message>
        <source>the cupboard's count, witnessed: a count that matches is written as checked, one that differs is a discrepancy, written only with --discrepancy-note</source>
        <translation>le comptage de l’armoire, avec témoin : un compte exact est enregistré comme vérifié, un compte différent est un écart, enregistré seulement avec --discrepancy-note</translation>
    </message>
    <message>
        <source>a note for the register, e.g. the pharmacy's delivery number</source>
        <translation>une note pour le registre, p. ex. le numéro de livraison de la pharmacie</translation>
    </message>
    <message>
        <source>days shown, ending today (and tomorrow when printed from midday): 1 to {most} (default 3)</source>
        <translation>jours affichés, jusqu’à aujourd’hui (et demain si imprimé à partir de midi) : de 1 à {most} (par défaut 3)</translation>
    </message>
    <message>
        <source>merged {versions} from {exports} export(s) into {folder}</source>
        <translation>fusionné : {versions}, depuis {exports} export(s), dans {folder}</translation>
    </message>
    <message>
        <source>why it is recorded although its theatre, patient, surgeon or anaesthetist was in another operation then, done or booked (asked only then), e.g. 'T3's first case ended early'</source>
        <translation>pourquoi elle est enregistrée alors que sa salle, son patient, son chirurgien ou son anesthésiste était pris par une autre intervention à ce moment, réalisée ou programmée (demandé seulement alors), p. ex. « la première intervention de T3 a fini tôt »</translation>
    </message>
    <message>
        <source>the drug is delivered to the ward for the first time: its page of the register is opened (refused without it for a drug the register has no page of, a typo's page splitting one drug's stock; refused too for a drug close to a page's, unless --other-than names it)</source>
        <translation>le médicament est livré au service pour la première fois : sa page du registre est ouverte (refusé sans cette option pour un médicament sans page au registre, la page d’une faute de frappe partageant le stock d’un médicament ; refusé aussi pour un médicament proche de celui d’une page, sauf si --other-than la nomme)</translation>
    </message>
    <message>
        <source>with --new-page: the drug is not the one of this page of the register, whose name is close to it (as the refusal names it; repeatable)</source>
        <translation>avec --new-page : le médicament n’est pas celui de cette page du registre, dont le nom en est proche (tel que le refus la nomme ; répétable)</translation>
    </message>
    <message>
        <source>a note for the register, e.g. 'shift change'</source>
        <translation>une note pour le registre, p. ex. « relève »</translation>
    </message>
    <message>
        <source>for a count that differs from the register: who was told, e.g. 'nurse in charge S. Martin and pharmacist told'</source>
        <translation>pour un compte différent du registre : qui a été prévenu, p. ex. « cadre de santé S. Martin et pharmacien prévenus »</translation>
    </message>
    <message>
        <source>how much is counted in the cupboard, 0 or more</source>
        <translation>la quantité comptée dans l’armoire, 0 ou plus</translation>
    </message>
    <message>
        <source>what was left of an ampoule after a dose, discarded, witnessed (without --dose: list the doses it may be recorded against)</source>
        <translation>le reliquat d’une ampoule après une dose, détruit, avec témoin (sans --dose : lister les doses auxquelles il peut être rattaché)</translation>
    </message>
    <message>
        <source>a note for the register</source>
        <translation>une note pour le registre</translation>
    </message>
    <message>
        <source>the dose's record id, as listed without --dose</source>
        <translation>l’identifiant de la fiche de la dose, tel que listé sans --dose</translation>
    </message>
    <message>
        <source>how much was discarded, in the register's unit, above 0</source>
        <translation>la quantité détruite, dans l’unité du registre, au-dessus de 0</translation>
    </message>
    <message>
        <source>JSON lines (the list of doses)</source>
        <translation>lignes JSON (la liste des doses)</translation>
    </message>
    <message>
        <source>the register's balance of one drug on a ward</source>
        <translation>le solde au registre d’un médicament dans un service</translation>
    </message>
    <message>
        <source>change a ward setting (administrator only)</source>
        <translation>modifier un réglage du service (administrateur seulement)</translation>
    </message>
    <message>
        <source>the setting to change (what each takes: see value, in the same order)</source>
        <translation>le réglage à modifier (ce que chacun prend : voir value, dans le même ordre)</translation>
    </message>
    <message>
        <source>L7159|L7160|L7163|wristband; LATE OVERDUE minutes (LATE above 0 and below OVERDUE, at most {day}); MINUTES before the screen locks (1 to {most_idle}); whom patients call, as their letter prints it; FOLDER EVERY_MINUTES KEEP (every 1 to {day} minutes; the newest 1 to {most_kept} kept, then the last of each day for {days} days, and the first); the records office's age1… public key, which every export is then encrypted to ('' for none); the laptop's device number, which the patients registered from then on take; its name; for a database set up on another computer: 'replaces' (that one will not be used again) or 'copy NUMBER NAME' (both go on: this one becomes a laptop of its own); the ward code this laptop belongs to, whose patients its lists open on ('' for none: all wards); 'new' for a new wards' key, after a set-up file was lost; the hospital's bank holidays, by its country or part of one (GB-ENG, GB-WLS, GB-SCT, GB-NIR, FR, FR-6AE, FR-57…; 'none': Monday to Friday only)</source>
        <translation>L7159|L7160|L7163|wristband ; LATE OVERDUE en minutes (LATE au-dessus de 0 et sous OVERDUE, au plus {day}) ; MINUTES avant le verrouillage de l’écran (de 1 à {most_idle}) ; qui les patients appellent, tel que leur lettre l’imprime ; FOLDER EVERY_MINUTES KEEP (toutes les 1 à {day} minutes ; les 1 à {most_kept} plus récentes gardées, puis la dernière de chaque jour pendant {days} jours, et la première) ; la clé publique age1… du bureau des entrées, pour laquelle chaque export est alors chiffré ('' pour aucune) ; le numéro d’appareil du portable, que prennent les patients enregistrés ensuite ; son nom ; pour une base installée sur un autre ordinateur : 'replaces' (celui-là ne sera plus utilisé) ou 'copy NUMBER NAME' (les deux continuent : celui-ci devient un portable à part entière) ; le code du service auquel appartient ce portable, sur les patients duquel ses listes s’ouvrent ('' pour aucun : tous les services) ; 'new' pour une nouvelle clé des services, après la perte d’un fichier de configuration ; les jours fériés de l’hôpital, par son pays ou une partie d’un pays (FR, FR-6AE, FR-57, GB-ENG, GB-WLS, GB-SCT, GB-NIR… ; 'none' : du lundi au vendredi seulement)</translation>
    </message>
    <message>
        <source>the wards, beds and settings the hospital's laptops share, in a file</source>
        <translation>les services, lits et réglages que partagent les portables de l’hôpital, dans un fichier</translation>
    </message>
    <message>
        <source>setup-file commands</source>
        <translation>commandes setup-file</translation>
    </message>
    <message>
        <source>write this laptop's wards, beds and ward settings to FILE (not its device number, staff, PINs or backups folder)</source>
        <translation>écrire dans FILE les services, lits et réglages de service de ce portable (pas son numéro d’appareil, ni le personnel, les codes PIN ou le dossier des sauvegardes)</translation>
    </message>
    <message>
        <source>add FILE's wards and beds this laptop lacks and take its settings, all or nothing, and say what changed</source>
        <translation>ajouter les services et lits de FILE qui manquent à ce portable et prendre ses réglages, tout ou rien, puis dire ce qui a changé</translation>
    </message>
    <message>
        <source>the set-up file (e.g. /media/usb/downtime-setup.yaml), or the folder holding it as downtime-setup.yaml (/media/usb)</source>
        <translation>le fichier de configuration (p. ex. /media/usb/downtime-setup.yaml), ou le dossier qui le contient sous le nom downtime-setup.yaml (/media/usb)</translation>
    </message>
    <message>
        <source>back up the database now (to the folder set with 'set backups')</source>
        <translation>sauvegarder la base maintenant (dans le dossier défini avec « set backups »)</translation>
    </message>
    <message>
        <source>put a backup in place as --db (which must not exist), then check it</source>
        <translation>mettre une sauvegarde en place comme --db (qui ne doit pas exister), puis la vérifier</translation>
    </message>
    <message>
        <source>the backup file (downtime-backup-….sqlite), its .keys file beside it</source>
        <translation>le fichier de sauvegarde (downtime-backup-….sqlite), avec son fichier .keys à côté</translation>
    </message>
    <message>
        <source>staff accounts</source>
        <translation>comptes du personnel</translation>
    </message>
    <message>
        <source>staff commands</source>
        <translation>commandes staff</translation>
    </message>
    <message>
        <source>add a staff account (administrator only)</source>
        <translation>ajouter un compte du personnel (administrateur seulement)</translation>
    </message>
    <message>
        <source>the staff ID the person types to sign in, e.g. agency1</source>
        <translation>l’identifiant que la personne saisit pour se connecter, p. ex. agency1</translation>
    </message>
    <message>
        <source>their full name, as records print it</source>
        <translation>ses nom et prénom, tels que les fiches les impriment</translation>
    </message>
    <message>
        <source>what the account may do</source>
        <translation>ce que le compte peut faire</translation>
    </message>
    <message>
        <source>the new account's PIN (4-12 digits; left out at a terminal, it is asked for twice, unseen)</source>
        <translation>le code PIN du nouveau compte (4 à 12 chiffres ; omis dans un terminal, il est demandé deux fois, sans s’afficher)</translation>
    </message>
    <message>
        <source>stop an account signing in and remove its key slot (administrator only)</source>
        <translation>empêcher un compte de se connecter et retirer son emplacement de clé (administrateur seulement)</translation>
    </message>
    <message>
        <source>the account's staff ID</source>
        <translation>l’identifiant du compte</translation>
    </message>
    <message>
        <source>give an account a new PIN, which also reactivates it (administrator only)</source>
        <translation>donner un nouveau code PIN à un compte, ce qui le réactive aussi (administrateur seulement)</translation>
    </message>
    <message>
        <source>the account's new PIN (4-12 digits; left out at a terminal, it is asked for twice, unseen)</source>
        <translation>le nouveau code PIN du compte (4 à 12 chiffres ; omis dans un terminal, il est demandé deux fois, sans s’afficher)</translation>
    </message>
    <message>
        <source>change your own PIN (anyone signed in): --user and --pin are yours</source>
        <translation>changer votre propre code PIN (toute personne connectée) : --user et --pin sont les vôtres</translation>
    </message>
    <message>
        <source>your new PIN (4-12 digits; left out at a terminal, it is asked for twice, unseen)</source>
        <translation>votre nouveau code PIN (4 à 12 chiffres ; omis dans un terminal, il est demandé deux fois, masqué)</translation>
    </message>
    <message>
        <source>list staff accounts</source>
        <translation>lister les comptes du personnel</translation>
    </message>
    <message>
        <source>downtime: form definitions have problems:
{problems}</source>
        <translation>downtime : les définitions de formulaires ont des problèmes :
{problems}</translation>
    </message>
    <message>
        <source>no public key to encrypt to: give the records office's age1… key</source>
        <translation>aucune clé publique pour chiffrer : donnez la clé age1… du bureau des entrées</translation>
    </message>
    <message>
        <source>{recipient!r} is not an age public key (it starts with age1…)</source>
        <translation>{recipient!r} n’est pas une clé publique age (elle commence par age1…)</translation>
    </message>
    <message>
        <source>{path} is not a file of age public keys (it is not text)</source>
        <translation>{path} n’est pas un fichier de clés publiques age (ce n’est pas du texte)</translation>
    </message>
    <message>
        <source>{path} holds the secret key: give the wards only the public key (the age1… line), never the key file</source>
        <translation>{path} contient la clé secrète : ne donnez aux services que la clé publique (la ligne age1…), jamais le fichier de clé</translation>
    </message>
    <message>
        <source>{path} holds no public key (an age1… line)</source>
        <translation>{path} ne contient aucune clé publique (une ligne age1…)</translation>
    </message>
    <message>
        <source>{path} already exists: it is not overwritten (it may be the only key that opens earlier exports); choose another file</source>
        <translation>{path} existe déjà : il n’est pas écrasé (c’est peut-être la seule clé qui ouvre les exports précédents) ; choisissez un autre fichier</translation>
    </message>
    <message>
        <source>identity file {path} cannot be read ({problem})</source>
        <translation>le fichier d’identité {path} ne peut pas être lu ({problem})</translation>
    </message>
    <message>
        <source>{path} is not an age identity file (it is not text)</source>
        <translation>{path} n’est pas un fichier d’identité age (ce n’est pas du texte)</translation>
    </message>
    <message>
        <source>{path} is not an age identity file (line {number} is not an AGE-SECRET-KEY-1… key)</source>
        <translation>{path} n’est pas un fichier d’identité age (la ligne {number} n’est pas une clé AGE-SECRET-KEY-1…)</translation>
    </message>
    <message>
        <source>{path} is not an age identity file: it holds no AGE-SECRET-KEY-1… line</source>
        <translation>{path} n’est pas un fichier d’identité age : il ne contient aucune ligne AGE-SECRET-KEY-1…</translation>
    </message>
    <message>
        <source>{source}: damaged or altered, it cannot be decrypted ({error})</source>
        <translation>{source} : endommagé ou modifié, il ne peut pas être déchiffré ({error})</translation>
    </message>
    <message>
        <source>{source} cannot be decrypted with this identity ({identity_path}) although the export's other files can: it was altered or damaged</source>
        <translation>{source} ne peut pas être déchiffré avec cette identité ({identity_path}) alors que les autres fichiers de l’export le peuvent : il a été modifié ou endommagé</translation>
    </message>
    <message>
        <source>{source} cannot be decrypted with this identity ({identity_path}): it was encrypted to another key, or its header was altered</source>
        <translation>{source} ne peut pas être déchiffré avec cette identité ({identity_path}) : il a été chiffré pour une autre clé, ou son en-tête a été modifié</translation>
    </message>
    <message>
        <source>{out} already exists: choose a new folder to decrypt into.</source>
        <translation>{out} existe déjà : choisissez un nouveau dossier où déchiffrer.</translation>
    </message>
    <message>
        <source>{src} is not a folder</source>
        <translation>{src} n’est pas un dossier</translation>
    </message>
    <message>
        <source>{src} holds no {SUFFIX} files: it is not an encrypted export</source>
        <translation>{src} ne contient aucun fichier {SUFFIX} : ce n’est pas un export chiffré</translation>
    </message>
    <message>
        <source>refused, {src} does not match its manifest after decryption: copy the export again from the laptop (or its backup stick):
{problems}</source>
        <translation>refusé, {src} ne correspond pas à son manifeste après déchiffrement : copiez de nouveau l’export depuis l’ordinateur (ou sa clé de sauvegarde) :
{problems}</translation>
    </message>
    <message>
        <source>{where}: form {form!r} is not known to this version of Downtime</source>
        <translation>{where} : le formulaire {form!r} n’est pas connu de cette version de Downtime</translation>
    </message>
    <message>
        <source>{where}: patient {patient} is in neither the export nor this database</source>
        <translation>{where} : le patient {patient} n’est ni dans l’export ni dans cette base</translation>
    </message>
    <message>
        <source>{where}: field data is not JSON</source>
        <translation>{where} : le champ data n’est pas du JSON</translation>
    </message>
    <message>
        <source>{where}: column {column} holds {value!r}, which a record version cannot hold</source>
        <translation>{where} : la colonne {column} contient {value!r}, qu’une version d’enregistrement ne peut pas contenir</translation>
    </message>
    <message>
        <source>{file}, line {number}: downtime number {downtime_number} already belongs to another patient in this database, given by a laptop with the same device id: a copy of one laptop's database, whose records cannot be told apart by laptop, so --shared-device-number cannot take it either</source>
        <translation>{file}, ligne {number} : le numéro de procédure dégradée {downtime_number} appartient déjà à un autre patient de cette base, donné par un portable de même identifiant d’appareil : une copie de la base d’un même portable, dont les dossiers ne peuvent pas être distingués par portable, donc --shared-device-number ne peut pas non plus la prendre</translation>
    </message>
    <message>
        <source>{file}, line {number}: downtime number {downtime_number} is given on line {earlier} too, to another patient, by laptop {ours}; this patient's laptop {theirs} was set up with the same device number. To take both laptops' patients, told apart by laptop, import again with --shared-device-number (in the import wizard, tick the box naming both laptops)</source>
        <translation>{file}, ligne {number} : le numéro de procédure dégradée {downtime_number} est aussi donné ligne {earlier}, à un autre patient, par le portable {ours} ; le portable {theirs} de ce patient a été configuré avec le même numéro d’appareil. Pour prendre les patients des deux portables, distingués par portable, importez à nouveau avec --shared-device-number (dans l’assistant d’import, cochez la case qui nomme les deux portables)</translation>
    </message>
    <message>
        <source>{file}, line {number}: downtime number {downtime_number} already belongs to another patient in this database, given by laptop {ours}; this export's laptop {theirs} was set up with the same device number. To take both laptops' patients, told apart by laptop, import again with --shared-device-number (in the import wizard, tick the box naming both laptops)</source>
        <translation>{file}, ligne {number} : le numéro de procédure dégradée {downtime_number} appartient déjà à un autre patient de cette base, donné par le portable {ours} ; le portable {theirs} de cet export a été configuré avec le même numéro d’appareil. Pour prendre les patients des deux portables, distingués par portable, importez à nouveau avec --shared-device-number (dans l’assistant d’import, cochez la case qui nomme les deux portables)</translation>
    </message>
    <message>
        <source>{form} of patient {number}</source>
        <translation>{form} du patient {number}</translation>
    </message>
    <message>
        <source>{where}: {record}, version {version}, has the same version id as {other}</source>
        <translation>{where} : {record}, version {version}, a le même identifiant de version que {other}</translation>
    </message>
    <message>
        <source>{where}: {record}, version {version}, has the version id of another record already in this database</source>
        <translation>{where} : {record}, version {version}, a l’identifiant de version d’un autre enregistrement déjà dans cette base</translation>
    </message>
    <message>
        <source>{file}, line {number}: patient {patient} differs from the one already imported</source>
        <translation>{file}, ligne {number} : le patient {patient} diffère de celui déjà importé</translation>
    </message>
    <message>
        <source>{file}, line {line}: column settled holds {value!r}, not a list of version digests</source>
        <translation>{file}, ligne {line} : la colonne des mises en attente levées contient {value!r}, et non une liste d’empreintes de versions</translation>
    </message>
    <message>
        <source>{file}, line {line}: record {record} version {version} arrives without version {previous}; import the earlier export first</source>
        <translation>{file}, ligne {line} : l’enregistrement {record} version {version} arrive sans la version {previous} ; importez d’abord l’export précédent</translation>
    </message>
    <message>
        <source>{file}, line {line}: record {record} points to record {target}, which is in neither the export nor this database; import the earlier export first</source>
        <translation>{file}, ligne {line} : l’enregistrement {record} renvoie à l’enregistrement {target}, qui n’est ni dans l’export ni dans cette base ; importez d’abord l’export précédent</translation>
    </message>
    <message>
        <source>{path}: not an export folder, a CSV snapshot folder or a FHIR Bundle (.json) file</source>
        <translation>{path} : ni un dossier d’export, ni un dossier d’instantané CSV, ni un fichier Bundle FHIR (.json)</translation>
    </message>
    <message>
        <source>{path} is the FHIR bundle of a laptop's export, not an EHR snapshot: import the export's folder, {folder}, which holds its manifest.</source>
        <translation>{path} est le bundle FHIR de l’export d’un portable, pas un instantané du DPI : importez le dossier de l’export, {folder}, qui contient son manifeste.</translation>
    </message>
    <message>
        <source>MISSING EXPORT: {count} record version(s) of {laptop} are in none of the exports merged: bring its export {made} (or make a whole export on that laptop) and merge again</source>
        <translation>EXPORT MANQUANT : {count} version(s) d’enregistrement de {laptop} ne figurent dans aucun des exports fusionnés : apportez son export {made} (ou faites un export complet sur ce portable) et fusionnez à nouveau</translation>
    </message>
    <message>
        <source>{laptop}: {count} export(s), the latest made {time}</source>
        <translation>{laptop} : {count} export(s), le dernier fait le {time}</translation>
    </message>
    <message>
        <source>MISSING EXPORT: {count} record version(s) of {laptop} are in none of the exports imported here: bring its export {made} (or make a whole export on that laptop) and import it</source>
        <translation>EXPORT MANQUANT : {count} version(s) d’enregistrement de {laptop} ne figurent dans aucun des exports importés ici : apportez son export {made} (ou faites un export complet sur ce portable) et importez-le</translation>
    </message>
    <message>
        <source>MISSING EXPORT: {count} record version(s) of {laptop} are in none of the exports imported here, so not on this list: bring its export {made} (or make a whole export on that laptop) and import it</source>
        <translation>EXPORT MANQUANT : {count} version(s) d’enregistrement de {laptop} ne figurent dans aucun des exports importés ici, donc pas dans cette liste : apportez son export {made} (ou faites un export complet sur ce portable) et importez-le</translation>
    </message>
    <message>
        <source>made after {after} and before {before}</source>
        <translation>fait après le {after} et avant le {before}</translation>
    </message>
    <message>
        <source>made before {before}</source>
        <translation>fait avant le {before}</translation>
    </message>
    <message>
        <source>{count} record(s) merged contradict another laptop's record (the manifest's ask_the_ward, each line's ask_the_ward cell): ask the ward about each before entering it</source>
        <translation>{count} enregistrement(s) fusionné(s) contredisent celui d’un autre portable (ask_the_ward du manifeste, cellule ask_the_ward de chaque ligne) : demander au service pour chacun avant de le saisir</translation>
    </message>
    <message>
        <source>{path}, line {number}: recorded_at {value!r} is not a date and time with its offset</source>
        <translation>{path}, ligne {number} : recorded_at {value!r} n’est pas une date et une heure avec leur décalage UTC</translation>
    </message>
    <message>
        <source>{file}, line {line}: patient {number} differs from {other}, line {other_line}</source>
        <translation>{file}, ligne {line} : le patient {number} diffère de {other}, ligne {other_line}</translation>
    </message>
    <message>
        <source>refused: {first} and {second} come from two laptops set up with the same device number {number}, so their downtime numbers can name two different patients; each laptop needs its own device number. To merge both laptops' patients all the same, each of these numbers shown with its laptop, merge again with --shared-device-number</source>
        <translation>refusé : {first} et {second} viennent de deux portables configurés avec le même numéro d’appareil {number}, donc leurs numéros de procédure dégradée peuvent désigner deux patients différents ; chaque portable doit avoir son propre numéro d’appareil. Pour fusionner malgré tout les patients des deux portables, chacun de ces numéros affiché avec son portable, fusionnez à nouveau avec --shared-device-number</translation>
    </message>
    <message>
        <source>{folder}: no such export folder</source>
        <translation>{folder} : ce dossier d’export n’existe pas</translation>
    </message>
    <message>
        <source>{folder} is not an export but holds {count} export(s): give them to merge instead: {exports}</source>
        <translation>{folder} n’est pas un export mais contient {count} export(s) : fusionnez-les plutôt : {exports}</translation>
    </message>
    <message>
        <source>{folder} is not an export: it holds no manifest.json</source>
        <translation>{folder} n’est pas un export : il ne contient pas de manifest.json</translation>
    </message>
    <message>
        <source>{out} already exists: choose a new folder for the merge.</source>
        <translation>{out} existe déjà : choisissez un nouveau dossier pour la fusion.</translation>
    </message>
    <message>
        <source>{folder} is an encrypted export: decrypt it first (downtime decrypt {folder} --identity KEYFILE --out NEW_FOLDER), then merge the folder it makes.</source>
        <translation>{folder} est un export chiffré : déchiffrez-le d’abord (downtime decrypt {folder} --identity FICHIER_CLE --out NOUVEAU_DOSSIER), puis fusionnez le dossier obtenu.</translation>
    </message>
    <message>
        <source>{where}: {problem}</source>
        <translation>{where} : {problem}</translation>
    </message>
    <message>
        <source>patient</source>
        <translation>patient</translation>
    </message>
    <message>
        <source>order</source>
        <translation>prescription</translation>
    </message>
    <message>
        <source>session</source>
        <translation>plage opératoire</translation>
    </message>
    <message>
        <source>booking</source>
        <translation>intervention programmée</translation>
    </message>
    <message>
        <source>{where}: {kind} {key!r} is not in this snapshot</source>
        <translation>{where} : {kind} {key!r} ne figure pas dans cet instantané</translation>
    </message>
    <message>
        <source>{where}: {kind} {key!r} was loaded before with other content; correct it in the app (a snapshot never changes a record already loaded)</source>
        <translation>{where} : {kind} {key!r} a déjà été chargé avec un autre contenu ; corrigez-le dans l’application (un instantané ne modifie jamais une fiche déjà chargée)</translation>
    </message>
    <message>
        <source>{where}: {name}, born {born}, {number}, in {place}, is in hospital with {why}: loaded again, one person would have two downtime numbers, wristbands and medication charts. If it is them, leave them out of the snapshot (the ward has them already).</source>
        <translation>{where} : {name}, né(e) le {born}, {number}, {place}, est hospitalisé(e) avec {why} : chargée à nouveau, une même personne aurait deux numéros de procédure dégradée, deux bracelets et deux plans d’administration. Si c’est elle, retirez-la de l’extraction (le service l’a déjà).</translation>
    </message>
    <message>
        <source>{where}: probably the same person as {name}, born {born}, {number}, in {place}, already in hospital ({why}); loaded as another patient, with a downtime number, wristband and medication chart of their own. Ask the ward: if they are one person, keep one admission and mark the other entered in error.</source>
        <translation>{where} : probablement la même personne que {name}, né(e) le {born}, {number}, {place}, déjà hospitalisé(e) ({why}) ; chargée comme un autre patient, avec son propre numéro de procédure dégradée, son bracelet et son plan d’administration. Demandez au service : s’il s’agit d’une seule personne, gardez une admission et marquez l’autre comme saisie par erreur.</translation>
    </message>
    <message>
        <source>{where}: {why} ({value}) as {seen}: one person loaded twice would have two downtime numbers, wristbands and medication charts. Load them once, in the bed they are in.</source>
        <translation>{where} : {why} ({value}) que {seen} : une personne chargée deux fois aurait deux numéros de procédure dégradée, deux bracelets et deux plans d’administration. Chargez-la une seule fois, dans le lit où elle est.</translation>
    </message>
    <message>
        <source>{where}: {kind} {key!r} is also at {seen}</source>
        <translation>{where} : {kind} {key!r} figure aussi à {seen}</translation>
    </message>
    <message>
        <source>{path}, line {line}: not UTF-8 text (save the file as CSV UTF-8)</source>
        <translation>{path}, ligne {line} : pas du texte UTF-8 (enregistrez le fichier en CSV UTF-8)</translation>
    </message>
    <message>
        <source>{path}, line {line_num}: {values} values where the header names {columns} columns (is the file cut short?)</source>
        <translation>{path}, ligne {line_num} : {values} valeurs alors que l’en-tête nomme {columns} colonnes (le fichier est-il tronqué ?)</translation>
    </message>
    <message>
        <source>{path}, line {line_num}: {problem} (is the file cut short?)</source>
        <translation>{path}, ligne {line_num} : {problem} (le fichier est-il tronqué ?)</translation>
    </message>
    <message>
        <source>{path}, line 1: unknown column {unknown!r} (see the template)</source>
        <translation>{path}, ligne 1 : colonne inconnue {unknown!r} (voir le modèle)</translation>
    </message>
    <message>
        <source>{path}, line 1: missing column {missing!r}</source>
        <translation>{path}, ligne 1 : colonne manquante {missing!r}</translation>
    </message>
    <message>
        <source>{path}, line {number}, column {column}: {shown!r}: {reason}</source>
        <translation>{path}, ligne {number}, colonne {column} : {shown!r} : {reason}</translation>
    </message>
    <message>
        <source>{path}, line {number}, column rate_ml_h: {rate!r}: an infusion rate needs the form 'infusion', not {form!r}</source>
        <translation>{path}, ligne {number}, colonne rate_ml_h : {rate!r} : un débit de perfusion demande la forme « infusion », pas {form!r}</translation>
    </message>
    <message>
        <source>{file}, line {number}</source>
        <translation>{file}, ligne {number}</translation>
    </message>
    <message>
        <source>{stays_file}, line {number}: patient {key!r} already has a stay at line {stays}</source>
        <translation>{stays_file}, ligne {number} : le patient {key!r} a déjà un séjour à la ligne {stays}</translation>
    </message>
    <message>
        <source>{patients}, line {number}: patient {key!r} has no line in {stays_file}</source>
        <translation>{patients}, ligne {number} : le patient {key!r} n’a aucune ligne dans {stays_file}</translation>
    </message>
    <message>
        <source>{patients}, line {number} ({stays}, line {stay})</source>
        <translation>{patients}, ligne {number} ({stays}, ligne {stay})</translation>
    </message>
    <message>
        <source>{where}: patient {patient!r} is not in {patients}</source>
        <translation>{where} : le patient {patient!r} n’est pas dans {patients}</translation>
    </message>
    <message>
        <source>{folder}: no {patients} or {sessions} (see resources/snapshot/)</source>
        <translation>{folder} : ni {patients} ni {sessions} (voir resources/snapshot/)</translation>
    </message>
    <message>
        <source>{path}, line {number}, column {column}: empty</source>
        <translation>{path}, ligne {number}, colonne {column} : vide</translation>
    </message>
    <message>
        <source>entry {number} ({resource})</source>
        <translation>entrée {number} ({resource})</translation>
    </message>
    <message>
        <source>bundle {where}</source>
        <translation>bundle {where}</translation>
    </message>
    <message>
        <source>bundle {where}: {problem}</source>
        <translation>bundle {where} : {problem}</translation>
    </message>
    <message>
        <source>{what} needs a time of day, not only a date</source>
        <translation>{what} doit donner une heure, pas seulement une date</translation>
    </message>
    <message>
        <source>{what} {text!r} is not a date and time</source>
        <translation>{what} {text!r} n’est pas une date et une heure</translation>
    </message>
    <message>
        <source>{what} is missing</source>
        <translation>{what} est absent</translation>
    </message>
    <message>
        <source>{path}: not UTF-8 text</source>
        <translation>{path} : pas du texte UTF-8</translation>
    </message>
    <message>
        <source>{path}: not JSON, or cut short ({problem})</source>
        <translation>{path} : pas du JSON, ou tronqué ({problem})</translation>
    </message>
    <message>
        <source>{path}: not a FHIR Bundle</source>
        <translation>{path} : pas un Bundle FHIR</translation>
    </message>
    <message>
        <source>entry {number}</source>
        <translation>entrée {number}</translation>
    </message>
    <message>
        <source>bundle</source>
        <translation>bundle</translation>
    </message>
    <message>
        <source>{path}, {place}: {field}: {first}</source>
        <translation>{path}, {place} : {field} : {first}</translation>
    </message>
    <message>
        <source>{path}: not a valid FHIR R4 Bundle ({kind}: {problem})</source>
        <translation>{path} : pas un Bundle FHIR R4 valide ({kind} : {problem})</translation>
    </message>
    <message>
        <source>{path}, entry {number}: its resource has no resourceType</source>
        <translation>{path}, entrée {number} : sa ressource n’a pas de resourceType</translation>
    </message>
    <message>
        <source>{field} is null: an item of a list is left out or given, never null</source>
        <translation>{field} est null : un élément de liste est omis ou renseigné, jamais null</translation>
    </message>
    <message>
        <source>{path}, entry {number}: it has no resource</source>
        <translation>{path}, entrée {number} : elle n’a pas de ressource</translation>
    </message>
    <message>
        <source>Patient.gender {gender!r} is not a FHIR administrative gender</source>
        <translation>Patient.gender {gender!r} n’est pas un genre administratif FHIR</translation>
    </message>
    <message>
        <source>Patient.birthDate {born!r} is not a full date (YYYY-MM-DD): the admission needs its day and month</source>
        <translation>Patient.birthDate {born!r} n’est pas une date complète (AAAA-MM-JJ) : l’admission a besoin du jour et du mois</translation>
    </message>
    <message>
        <source>the identity is validated (VALI) but its validationMode {mode!r} is none of CN, PA, CS, LE, AN ({system})</source>
        <translation>l’identité est validée (VALI) mais son validationMode {mode!r} n’est aucun de CN, PA, CS, LE, AN ({system})</translation>
    </message>
    <message>
        <source>Encounter.location with physicalType 'wa' (the ward)</source>
        <translation>Encounter.location avec physicalType 'wa' (le service)</translation>
    </message>
    <message>
        <source>timing.repeat.timeOfDay {time!r} is not a time on the minute (HH:MM:00)</source>
        <translation>timing.repeat.timeOfDay {time!r} n’est pas une heure à la minute près (HH:MM:00)</translation>
    </message>
    <message>
        <source>dosage has neither timing.repeat.timeOfDay, asNeeded nor one timing.event</source>
        <translation>dosage n’a ni timing.repeat.timeOfDay, ni asNeeded, ni un seul timing.event</translation>
    </message>
    <message>
        <source>Slot.schedule does not name a Schedule in the bundle</source>
        <translation>Slot.schedule ne désigne aucun Schedule du bundle</translation>
    </message>
    <message>
        <source>Schedule.actor.display (the theatre)</source>
        <translation>Schedule.actor.display (la salle d’opération)</translation>
    </message>
    <message>
        <source>no participant is the surgeon (a Practitioner with participant.type PPRF, primary performer)</source>
        <translation>aucun participant n’est le chirurgien (un Practitioner avec participant.type PPRF, primary performer)</translation>
    </message>
    <message>
        <source>{count} participants could be the surgeon; give the surgeon's participant.type PPRF (primary performer)</source>
        <translation>{count} participants pourraient être le chirurgien ; indiquez le participant.type PPRF (primary performer) du chirurgien</translation>
    </message>
    <message>
        <source>Appointment.participant.actor.display (the surgeon)</source>
        <translation>Appointment.participant.actor.display (le chirurgien)</translation>
    </message>
    <message>
        <source>{field} does not name a Patient in the bundle</source>
        <translation>{field} ne désigne aucun Patient du bundle</translation>
    </message>
    <message>
        <source>Patient {patient} has another in-progress Encounter, {other}: which bed are they in? Leave the other out.</source>
        <translation>Le Patient {patient} a une autre Encounter in-progress, {other} : dans quel lit est-il ? Laissez l’autre de côté.</translation>
    </message>
    <message>
        <source>no in-progress Encounter for this patient (who is on the ward?)</source>
        <translation>aucune Encounter in-progress pour ce patient (qui est dans le service ?)</translation>
    </message>
    <message>
        <source>bundle {where}, {encounter}</source>
        <translation>bundle {where}, {encounter}</translation>
    </message>
    <message>
        <source>Appointment.slot does not name a Slot in the bundle (the theatre session)</source>
        <translation>Appointment.slot ne désigne aucun Slot du bundle (la vacation de bloc)</translation>
    </message>
    <message>
        <source>{path}, line {number}: not a JSON object ({problem})</source>
        <translation>{path}, ligne {number} : pas un objet JSON ({problem})</translation>
    </message>
    <message>
        <source>{path}, line {number}: expected the columns {items}</source>
        <translation>{path}, ligne {number} : colonnes attendues {items}</translation>
    </message>
    <message>
        <source>{path}: not UTF-8 text ({reason} at byte {start})</source>
        <translation>{path} : pas du texte UTF-8 ({reason} à l’octet {start})</translation>
    </message>
    <message>
        <source>{path}: cannot be read ({strerror})</source>
        <translation>{path} : illisible ({strerror})</translation>
    </message>
    <message>
        <source>{count} record(s) in the FHIR bundle contradict another laptop's record or another office's settlement (the manifest's ask_the_ward): ask the ward about each before posting the bundle</source>
        <translation>{count} enregistrement(s) du bundle FHIR contredisent celui d’un autre portable ou la levée d’attente d’un autre bureau (ask_the_ward dans le manifeste) : demander au service pour chacun avant d’envoyer le bundle</translation>
    </message>
    <message>
        <source>{count} death(s) in the FHIR bundle were recorded before they were verified (the manifest's ask_the_ward, their Provenance tagged death-not-verified): ask the ward whether each has been verified before entering the death</source>
        <translation>{count} décès du bundle FHIR ont été enregistrés avant d’avoir été constatés (ask_the_ward du manifeste, leur Provenance marquée death-not-verified) : demandez au service si chacun a été constaté avant de saisir le décès</translation>
    </message>
    <message>
        <source>ASK THE WARD: {number} {form} {record}, version {version}: {why}</source>
        <translation>DEMANDER AU SERVICE : {number} {form} {record}, version {version} : {why}</translation>
    </message>
    <message>
        <source>{count} resource(s) in the FHIR bundle changed since an earlier export sent them (amended, stopped, a stay ended): posted, each replaces the EHR's copy made from the earlier bundle, including any change made to it in the EHR since (the manifest's fhir_updates)</source>
        <translation>{count} ressource(s) du lot FHIR ont changé depuis qu’un export précédent les a envoyées (modifiées, arrêtées, séjour terminé) : une fois envoyée, chacune remplace la copie du DPI faite à partir du lot précédent, y compris toute modification faite depuis dans le DPI (fhir_updates du manifeste)</translation>
    </message>
    <message>
        <source>{count} record(s) the ward said are not to be entered went out in an earlier FHIR bundle: this bundle marks them entered in error, so posting it withdraws them from the EHR (the manifest's fhir_withdrawn)</source>
        <translation>{count} enregistrement(s) que le service a dit de ne pas saisir sont partis dans un bundle FHIR précédent : ce bundle les marque saisis par erreur, et son envoi les retire du DPI (fhir_withdrawn du manifeste)</translation>
    </message>
    <message>
        <source>{count} record(s) the ward said are not to be entered are left out of the FHIR bundle, as no earlier bundle sent them (the manifest's fhir_left_out)</source>
        <translation>{count} enregistrement(s) que le service a dit de ne pas saisir sont laissés hors du bundle FHIR, aucun bundle précédent ne les ayant envoyés (fhir_left_out du manifeste)</translation>
    </message>
    <message>
        <source>patient(s) {numbers} held back from the FHIR bundle: their admission's hospital number (IPP) changed since they were linked to an EHR patient (the manifest's fhir_held_back); check each identity and re-link it on the back-entry tab, then make a whole export (not --since-last) for the EHR: posted again, what it held already creates nothing new</source>
        <translation>patient(s) {numbers} retenu(s) hors du bundle FHIR : le n° hospitalier (IPP) de leur admission a changé depuis leur liaison à un patient du DPI (fhir_held_back du manifeste) ; vérifiez chaque identité et refaites le lien dans l’onglet Ressaisie, puis faites un export complet (sans --since-last) pour le DPI : envoyé de nouveau, ce qu’il contenait déjà ne crée rien de nouveau</translation>
    </message>
    <message>
        <source>(in an earlier export too: posted from it, the EHR holds the record; this bundle puts the warning on its Provenance and tags its resources)</source>
        <translation>(aussi dans un export précédent : envoyé depuis celui-ci, le DPI détient l’enregistrement ; ce lot ajoute l’avertissement à sa Provenance et étiquette ses ressources)</translation>
    </message>
    <message>
        <source>{out} already exists: choose a new folder for each export.</source>
        <translation>{out} existe déjà : choisissez un nouveau dossier pour chaque export.</translation>
    </message>
    <message>
        <source>refused, the export does not match its manifest: copy the export again from the laptop (or its backup stick):
{problems}</source>
        <translation>refusé, l’export ne correspond pas à son manifeste : copiez de nouveau l’export depuis l’ordinateur (ou sa clé de sauvegarde) :
{problems}</translation>
    </message>
    <message>
        <source>{path}: missing: this folder is not an export, or not all of it was copied</source>
        <translation>{path} : absent : ce dossier n’est pas un export, ou il n’a pas été copié en entier</translation>
    </message>
    <message>
        <source>{path}: cannot be read ({problem})</source>
        <translation>{path} : illisible ({problem})</translation>
    </message>
    <message>
        <source>{path}: not a manifest (it does not list the files with their SHA-256)</source>
        <translation>{path} : pas un manifeste (il ne liste pas les fichiers avec leur SHA-256)</translation>
    </message>
    <message>
        <source>{path}: missing</source>
        <translation>{path} : absent</translation>
    </message>
    <message>
        <source>{path}: altered or truncated (SHA-256 differs from the manifest)</source>
        <translation>{path} : modifié ou tronqué (SHA-256 différent de celui du manifeste)</translation>
    </message>
    <message>
        <source>{path}: not listed in the manifest</source>
        <translation>{path} : absent du manifeste</translation>
    </message>
    <message>
        <source>{count} patient(s)</source>
        <translation>{count} patient(s)</translation>
    </message>
    <message>
        <source>{count} medication order(s)</source>
        <translation>{count} prescription(s)</translation>
    </message>
    <message>
        <source>{count} theatre session(s)</source>
        <translation>{count} vacation(s) de bloc</translation>
    </message>
    <message>
        <source>{count} theatre booking(s)</source>
        <translation>{count} programmation(s) opératoire(s)</translation>
    </message>
    <message>
        <source>{count} record version(s)</source>
        <translation>{count} version(s) d’enregistrement</translation>
    </message>
    <message>
        <source>{count} record version(s) put on hold (two laptops wrote them otherwise), kept aside</source>
        <translation>{count} version(s) d’enregistrement mise(s) en attente (deux portables les ont écrites autrement), mise(s) de côté</translation>
    </message>
    <message>
        <source>{count} hold(s) settled at another office</source>
        <translation>{count} mise(s) en attente levée(s) par un autre bureau</translation>
    </message>
    <message>
        <source>the same NIR</source>
        <translation>même NIR</translation>
    </message>
    <message>
        <source>the same IPP</source>
        <translation>même IPP</translation>
    </message>
    <message>
        <source>the same date of birth, and the family and first names swapped</source>
        <translation>même date de naissance, nom de famille et prénom inversés</translation>
    </message>
    <message>
        <source>the same family name and first name, and the day and month of birth swapped</source>
        <translation>même nom de famille et prénom, jour et mois de naissance inversés</translation>
    </message>
    <message>
        <source>ONE DOWNTIME NUMBER, TWO PATIENTS: {number} was given by laptops set up with the same device number to {patients}. Tell their paper forms, wristbands and labels apart by name, date of birth and ward, and back-enter each under the number shown here.</source>
        <translation>UN NUMÉRO DE PROCÉDURE DÉGRADÉE, DEUX PATIENTS : {number} a été donné par des portables configurés avec le même numéro d’appareil à {patients}. Distinguez leurs formulaires papier, bracelets et étiquettes par le nom, la date de naissance et le service, et ressaisissez chacun sous le numéro affiché ici.</translation>
    </message>
    <message>
        <source>{name}, born {born}, ward {ward}, shown as {shown}</source>
        <translation>{name}, né(e) le {born}, service {ward}, affiché comme {shown}</translation>
    </message>
    <message>
        <source>The list could not be read: an error in the program, reported. Try again; if it happens again, tell IT.</source>
        <translation>La liste n’a pas pu être lue : une erreur du logiciel, signalée. Réessayez ; si cela se reproduit, prévenez l’informatique.</translation>
    </message>
    <message>
        <source>{operation} does not fit in the session {session} of theatre {theatre}</source>
        <translation>{operation} ne tient pas dans la vacation {session} de la salle {theatre}</translation>
    </message>
    <message>
        <source>theatre {theatre} is in use {window} by an operation done there</source>
        <translation>la salle {theatre} est occupée {window} par une intervention réalisée là</translation>
    </message>
    <message>
        <source>theatre {theatre} is booked {window}</source>
        <translation>la salle {theatre} est occupée {window}</translation>
    </message>
    <message>
        <source>surgeon {surgeon} operates {window}</source>
        <translation>le chirurgien {surgeon} opère {window}</translation>
    </message>
    <message>
        <source>anaesthetist {anaesthetist} is busy {window}</source>
        <translation>l’anesthésiste {anaesthetist} est pris {window}</translation>
    </message>
    <message>
        <source>the patient is already booked {window}</source>
        <translation>le patient est déjà programmé {window}</translation>
    </message>
    <message>
        <source>record care</source>
        <translation>saisir des soins</translation>
    </message>
    <message>
        <source>amend a record</source>
        <translation>modifier un enregistrement</translation>
    </message>
    <message>
        <source>mark a record entered in error</source>
        <translation>déclarer un enregistrement en saisie par erreur</translation>
    </message>
    <message>
        <source>read records</source>
        <translation>consulter les dossiers</translation>
    </message>
    <message>
        <source>print</source>
        <translation>imprimer</translation>
    </message>
    <message>
        <source>manage staff accounts</source>
        <translation>gérer les comptes du personnel</translation>
    </message>
    <message>
        <source>import data</source>
        <translation>importer des données</translation>
    </message>
    <message>
        <source>back-enter records into the EHR</source>
        <translation>ressaisir les données dans le DPI</translation>
    </message>
    <message>
        <source>settle a record on hold</source>
        <translation>trancher un enregistrement en attente</translation>
    </message>
    <message>
        <source>sex</source>
        <translation>sexe</translation>
    </message>
    <message>
        <source>year of birth</source>
        <translation>année de naissance</translation>
    </message>
    <message>
        <source>month of birth</source>
        <translation>mois de naissance</translation>
    </message>
    <message>
        <source>The NIR does not agree with the {traits} typed on this form. Re-read the card and the date of birth: it may be another person's card, whose number would join two people's records at back-entry.</source>
        <translation>Le NIR ne concorde pas avec : {traits}, saisi(s) sur ce formulaire. Relisez la carte et la date de naissance : ce peut être la carte d’une autre personne, dont le numéro réunirait les dossiers de deux personnes lors de la ressaisie.</translation>
    </message>
    <message>
        <source>{name}, born {born}, {number}, in {place} ({why})</source>
        <translation>{name}, né(e) le {born}, {number}, en {place} ({why})</translation>
    </message>
    <message>
        <source>Already in hospital, probably the same person: {patients}. A second admission gives them a second downtime number, wristband and medication chart, and a dose recorded on one chart does not show on the other. If it is them, do not save: open their record instead.</source>
        <translation>Déjà hospitalisé, probablement la même personne : {patients}. Une seconde admission lui donne un second numéro de procédure dégradée, un second bracelet et un second plan d’administration, et une dose tracée sur l’un n’apparaît pas sur l’autre. Si c’est bien lui ou elle, n’enregistrez pas : ouvrez plutôt son dossier.</translation>
    </message>
    <message>
        <source>Already in hospital, probably the same person: {patient}. If it is them, they have two downtime numbers, wristbands and medication charts, and a dose recorded on one chart does not show on the other: saved as the same person, the records office joins the two numbers.</source>
        <translation>Déjà hospitalisé, probablement la même personne : {patient}. Si c’est bien lui ou elle, cette personne a deux numéros de procédure dégradée, deux bracelets et deux plans d’administration, et une dose tracée sur l’un n’apparaît pas sur l’autre : enregistrée comme la même personne, ses deux numéros sont réunis par le bureau des entrées.</translation>
    </message>
    <message>
        <source>“{field}”: {name}, {number}, in {place}, already has that name; give each unidentified patient a temporary name of their own.</source>
        <translation>« {field} » : {name}, {number}, en {place}, porte déjà ce nom ; donnez à chaque patient non identifié un nom provisoire qui lui soit propre.</translation>
    </message>
    <message>
        <source>{name}, {number} ({place}), until {until}</source>
        <translation>{name}, {number} ({place}), jusqu’au {until}</translation>
    </message>
    <message>
        <source>{count} unidentified patients in hospital now share the temporary name {name}: {patients}. Their samples, labels and paper forms carry it already: give each of them a new temporary name (amend their admission, each ward its own), then print their new wristband and ID labels.</source>
        <translation>{count} patients non identifiés hospitalisés portent désormais le même nom provisoire {name} : {patients}. Leurs prélèvements, étiquettes et feuilles papier le portent déjà : donnez à chacun un nouveau nom provisoire (corrigez son admission, chaque service la sienne), puis imprimez son nouveau bracelet et ses étiquettes d’identification.</translation>
    </message>
    <message>
        <source>The temporary name {name} of {patients}, unidentified, is one {earlier} had before being renamed or identified: their samples, labels and paper forms still carry it. Give the unidentified patient a new temporary name (amend their admission), then print their new wristband and ID labels.</source>
        <translation>Le nom provisoire {name} de {patients}, patient non identifié, a déjà été porté par {earlier} avant un changement de nom ou une identification : prélèvements, étiquettes et feuilles papier le portent encore. Donnez à ce patient un nouveau nom provisoire (corrigez son admission), puis imprimez son nouveau bracelet et ses étiquettes d’identification.</translation>
    </message>
    <message>
        <source>The temporary name {name} of {patients}, unidentified, is one {earlier} had before being renamed or identified: their samples, labels and paper forms still carry it. Give each of these unidentified patients a new temporary name (amend their admission, each ward its own), then print their new wristband and ID labels.</source>
        <translation>Le nom provisoire {name} de {patients}, patients non identifiés, a déjà été porté par {earlier} avant un changement de nom ou une identification : prélèvements, étiquettes et feuilles papier le portent encore. Donnez à chacun de ces patients un nouveau nom provisoire (corrigez son admission, chaque service la sienne), puis imprimez son nouveau bracelet et ses étiquettes d’identification.</translation>
    </message>
    <message>
        <source>ON HOLD, two laptops disagree from version {version}: record {record} ({form}, patient {number}): {versions}</source>
        <translation>EN ATTENTE, deux portables divergent à partir de la version {version} : fiche {record} ({form}, patient {number}) : {versions}</translation>
    </message>
    <message>
        <source>version {version} by {author} on {laptop} at {time}</source>
        <translation>version {version} par {author} sur {laptop} le {time}</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>{staff_id} ({laptop})</source>
        <translation>{staff_id} ({laptop})</translation>
    </message>
    <message>
        <source>SETTLEMENT NOT TAKEN HERE, record {record} ({form}, patient {number}) stays on hold: at another office {settler} settled it on {time}, choosing version {chosen} on {laptop}, "{reason}"; but {why}. {advice}</source>
        <translation>LEVÉE NON REPRISE ICI, l’enregistrement {record} ({form}, patient {number}) reste en attente : dans un autre bureau, {settler} l’a tranché le {time}, en choisissant la version {chosen} sur {laptop}, « {reason} » ; mais {why}. {advice}</translation>
    </message>
    <message>
        <source>{version} stands here, not the version it left standing</source>
        <translation>ici, c’est {version} qui fait foi, pas la version qu’elle a laissée en vigueur</translation>
    </message>
    <message>
        <source>it did not see {versions}</source>
        <translation>elle n’a pas vu : {versions}</translation>
    </message>
    <message>
        <source>{first}, and {second}</source>
        <translation>{first}, et {second}</translation>
    </message>
    <message>
        <source>Settle it here choosing that version, with the ward's word as its reason.</source>
        <translation>Levez-la ici en choisissant cette version, avec la réponse du service pour motif.</translation>
    </message>
    <message>
        <source>Ask the ward again, naming the version it did not see, then settle it here.</source>
        <translation>Redemandez au service, en nommant la version qu’il n’a pas vue, puis levez-la ici.</translation>
    </message>
    <message>
        <source>{settler} settled it on {time}, choosing version {chosen} on {laptop}, "{reason}"</source>
        <translation>{settler} l’a tranché le {time}, en choisissant la version {chosen} sur {laptop}, « {reason} »</translation>
    </message>
    <message>
        <source>SETTLED OTHERWISE AT ANOTHER OFFICE, record {record} ({form}, patient {number}): here {here}; at another office {there}. Standing here: {standing}. {advice}</source>
        <translation>TRANCHÉ AUTREMENT DANS UN AUTRE BUREAU, enregistrement {record} ({form}, patient {number}) : ici, {here} ; dans un autre bureau, {there}. Fait foi ici : {standing}. {advice}</translation>
    </message>
    <message>
        <source>Both chose the same version: nothing to put right.</source>
        <translation>Les deux ont choisi la même version : rien à corriger.</translation>
    </message>
    <message>
        <source>Ask the ward which version is right and tell the other office; back-enter the record as the ward says, whichever version stands here (if it is in the EHR already, put it right there).</source>
        <translation>Demandez au service quelle version est la bonne et prévenez l’autre bureau ; saisissez l’enregistrement dans le DPI comme le dit le service, quelle que soit la version qui fait foi ici (s’il est déjà dans le DPI, corrigez-le là).</translation>
    </message>
    <message>
        <source>SETTLED OTHERWISE AT ANOTHER OFFICE, record {record} ({form}, patient {number}): at one office {here}; at another office {there}. Standing here: {standing}. {advice}</source>
        <translation>TRANCHÉ AUTREMENT DANS UN AUTRE BUREAU, enregistrement {record} ({form}, patient {number}) : dans un bureau, {here} ; dans un autre bureau, {there}. Fait foi ici : {standing}. {advice}</translation>
    </message>
    <message>
        <source>Neither is taken here.</source>
        <translation>Aucun des deux n’est retenu ici.</translation>
    </message>
    <message>
        <source>The first was taken here by an earlier import, the second is not.</source>
        <translation>Le premier a été retenu ici par une importation antérieure, le second ne l’est pas.</translation>
    </message>
    <message>
        <source>The record is on hold here: ask the ward which version is right, tell both offices, then settle it here.</source>
        <translation>L’enregistrement est en attente ici : demandez au service quelle version est juste, prévenez les deux bureaux, puis tranchez ici.</translation>
    </message>
    <message>
        <source>Ask the ward which version is right and tell both offices; back-enter the record as the ward says, whichever version stands here (if it is in the EHR already, put it right there).</source>
        <translation>Demandez au service quelle version est juste et prévenez les deux bureaux ; ressaisissez l’enregistrement comme le service le dit, quelle que soit la version qui fait foi ici (s’il est déjà dans le DPI, corrigez-le là).</translation>
    </message>
    <message>
        <source>SETTLED OTHERWISE AT ANOTHER OFFICE, record {record} ({form}, patient {number}): at one office {first}; at another office {second}. An office importing this merge takes neither: ask the ward which version is right and tell both offices.</source>
        <translation>TRANCHÉ AUTREMENT DANS UN AUTRE BUREAU, enregistrement {record} ({form}, patient {number}) : dans un bureau, {first} ; dans un autre, {second}. Un bureau qui importe cette fusion ne retient aucun des deux : demandez au service quelle version est juste et prévenez les deux bureaux.</translation>
    </message>
    <message>
        <source>the hold from version {version}: version {chosen} on {laptop} chosen, version {standing} stands</source>
        <translation>la mise en attente depuis la version {version} : version {chosen} sur {laptop} choisie, la version {standing} fait foi</translation>
    </message>
    <message>
        <source>the hold from version {version}: {versions} combined into version {standing}, which stands</source>
        <translation>la mise en attente depuis la version {version} : {versions} combinées en version {standing}, qui fait foi</translation>
    </message>
    <message>
        <source>version {version} on {laptop}</source>
        <translation>version {version} sur {laptop}</translation>
    </message>
    <message>
        <source>hold settled by {author}, {time}: {what}; reason: {reason}</source>
        <translation>mise en attente levée par {author}, le {time} : {what} ; motif : {reason}</translation>
    </message>
    <message>
        <source>Settles the hold from version {version}: version {chosen} by {author} on {laptop} chosen. {reason}</source>
        <translation>Tranche la mise en attente à partir de la version {version} : version {chosen} de {author} sur {laptop} retenue. {reason}</translation>
    </message>
    <message>
        <source>{name} (no. {number})</source>
        <translation>{name} (n° {number})</translation>
    </message>
    <message>
        <source>laptop {number}</source>
        <translation>portable {number}</translation>
    </message>
    <message>
        <source>{name} ({staff_id}, {laptop})</source>
        <translation>{name} ({staff_id}, {laptop})</translation>
    </message>
    <message>
        <source>Not settled: {problem} The ward puts this right on its laptop (tell them); settle the hold once its next stick is imported here.</source>
        <translation>Non tranché : {problem} Le service le corrige sur son portable (prévenez-le) ; tranchez la mise en attente une fois sa prochaine clé importée ici.</translation>
    </message>
    <message>
        <source> — REPLACED on that laptop by its version {version}</source>
        <translation> — REMPLACÉE sur ce portable par sa version {version}</translation>
    </message>
    <message>
        <source>changed since version {version}: {changes}</source>
        <translation>modifié depuis la version {version} : {changes}</translation>
    </message>
    <message>
        <source>no answer changed since version {version}</source>
        <translation>aucune réponse modifiée depuis la version {version}</translation>
    </message>
    <message>
        <source>withdrawn (entered in error)</source>
        <translation>retiré (saisie par erreur)</translation>
    </message>
    <message>
        <source>added {rows}</source>
        <translation>ajout de {rows}</translation>
    </message>
    <message>
        <source>removed {rows}</source>
        <translation>retrait de {rows}</translation>
    </message>
    <message>
        <source>the change on {laptop} to {change} will be dropped</source>
        <translation>la modification faite sur {laptop} ({change}) sera perdue</translation>
    </message>
    <message>
        <source>the withdrawal (entered in error) on {laptop} will be dropped</source>
        <translation>le retrait (saisie par erreur) fait sur {laptop} sera perdu</translation>
    </message>
    <message>
        <source>choosing it: {dropped}</source>
        <translation>en la choisissant : {dropped}</translation>
    </message>
    <message>
        <source>Not settled, as it would drop a safety-critical change: {dropped}. Settle so only once the ward has said these are to be dropped.</source>
        <translation>Non tranché, car une modification critique pour la sécurité serait perdue : {dropped}. Tranchez ainsi seulement une fois que le service a dit de les abandonner.</translation>
    </message>
    <message>
        <source>Keep both changes: a new version combining {versions}: {changes}</source>
        <translation>Garder les deux modifications : une nouvelle version combinant {versions} : {changes}</translation>
    </message>
    <message>
        <source>Settles the hold from version {version} by combining the versions, keeping the changes of each: {versions}. {reason}</source>
        <translation>Tranche la mise en attente à partir de la version {version} en combinant les versions, avec les modifications de chacune : {versions}. {reason}</translation>
    </message>
    <message>
        <source>Versions combined, keeping the changes of each: {versions}. {reason}</source>
        <translation>Versions combinées, avec les modifications de chacune : {versions}. {reason}</translation>
    </message>
    <message>
        <source>These versions cannot be combined: they changed the same answer differently, or one withdrew the record. Choose the version the ward says is right.</source>
        <translation>Ces versions ne peuvent pas être combinées : elles ont modifié la même réponse différemment, ou l’une a retiré l’enregistrement. Choisissez la version que le service dit juste.</translation>
    </message>
    <message>
        <source>Reason: say who decided which version is right (e.g. Sister Martin, ward 3B, by phone).</source>
        <translation>Motif : indiquez qui a décidé quelle version est la bonne (p. ex. Mme Martin, cadre du service 3B, par téléphone).</translation>
    </message>
    <message>
        <source>This record is no longer on hold: it was settled meanwhile.</source>
        <translation>Cet enregistrement n’est plus en attente : il a été tranché entre-temps.</translation>
    </message>
    <message>
        <source>This record's hold changed after you opened it (another version came in): look at it again, then settle it.</source>
        <translation>La mise en attente de cet enregistrement a changé depuis son ouverture (une autre version est arrivée) : regardez-la de nouveau, puis tranchez.</translation>
    </message>
    <message>
        <source>The version standing here withdrew this record (entered in error), and a withdrawn record cannot be brought back: choose it, and ask the ward to record the other version again.</source>
        <translation>La version qui fait foi ici a retiré cet enregistrement (saisi par erreur), et un enregistrement retiré ne peut pas être rétabli : choisissez-la, et demandez au service d’enregistrer de nouveau l’autre version.</translation>
    </message>
    <message>
        <source>{order} — last given {when}</source>
        <translation>{order} — dernière prise le {when}</translation>
    </message>
    <message>
        <source>{order} — not given yet</source>
        <translation>{order} — pas encore administré</translation>
    </message>
    <message>
        <source>{line} — prescribed despite the recorded allergy: “{reason}”</source>
        <translation>{line} — prescrit malgré l’allergie enregistrée : « {reason} »</translation>
    </message>
    <message>
        <source>{line} — telephone order from {prescriber}, not countersigned yet</source>
        <translation>{line} — prescription téléphonique de {prescriber}, pas encore contresignée</translation>
    </message>
    <message>
        <source>Blood transfusion: {unit} {state}</source>
        <translation>Transfusion : {unit} {state}</translation>
    </message>
    <message>
        <source>ward {ward} ({name}) added with {count} beds: {beds}</source>
        <translation>service {ward} ({name}) ajouté avec {count} lits : {beds}</translation>
    </message>
    <message>
        <source>ward {ward}: {count} beds added: {beds}</source>
        <translation>service {ward} : {count} lits ajoutés : {beds}</translation>
    </message>
    <message>
        <source>{name}: {value} (it was {was} here)</source>
        <translation>{name} : {value} (c’était {was} ici)</translation>
    </message>
    <message>
        <source>Label sheets in the printer</source>
        <translation>Planches d’étiquettes dans l’imprimante</translation>
    </message>
    <message>
        <source>A dose is late after (minutes)</source>
        <translation>Une administration est EN RETARD après (minutes)</translation>
    </message>
    <message>
        <source>A dose is overdue after (minutes)</source>
        <translation>Une administration est DÉPASSÉE après (minutes)</translation>
    </message>
    <message>
        <source>Lock the screen when idle for (minutes)</source>
        <translation>Verrouiller l’écran après inactivité de (minutes)</translation>
    </message>
    <message>
        <source>Whom patients call (on their letters)</source>
        <translation>Numéro que les patients appellent (sur leurs lettres)</translation>
    </message>
    <message>
        <source>Records office's public key</source>
        <translation>Clé publique du bureau des entrées</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>vide</translation>
    </message>
    <message>
        <source>Bank holidays kept</source>
        <translation>Jours fériés</translation>
    </message>
    <message>
        <source>ward {ward} keeps its name here, {here} (the file says {file})</source>
        <translation>le service {ward} garde ici son nom, {here} (le fichier dit {file})</translation>
    </message>
    <message>
        <source>ward {here} keeps its code as typed here, where the file says {file} (a ward's code is never changed): this laptop's patients read ward {here}, the other laptops' {file}</source>
        <translation>le service {here} garde son code tel que saisi ici, là où le fichier dit {file} (le code d’un service ne change jamais) : les patients de ce portable liront le service {here}, ceux des autres portables {file}</translation>
    </message>
    <message>
        <source>ward {ward} keeps beds the file does not list (beds are never removed): {beds}</source>
        <translation>le service {ward} garde des lits que le fichier ne liste pas (les lits ne sont jamais supprimés) : {beds}</translation>
    </message>
    <message>
        <source>nothing to change: this laptop has the file's set-up already</source>
        <translation>rien à changer : ce portable a déjà la configuration du fichier</translation>
    </message>
    <message>
        <source>the ward is listed twice.</source>
        <translation>le service est listé deux fois.</translation>
    </message>
    <message>
        <source>{file}, line {line}: {key!r} is written twice (first at line {first}).</source>
        <translation>{file}, ligne {line} : {key!r} est écrit deux fois (la première à la ligne {first}).</translation>
    </message>
    <message>
        <source>{file}: not a set-up file (it is not text).</source>
        <translation>{file} : pas un fichier de configuration (ce n’est pas du texte).</translation>
    </message>
    <message>
        <source>{file}, line {line}: not readable as YAML ({problem}).</source>
        <translation>{file}, ligne {line} : illisible en YAML ({problem}).</translation>
    </message>
    <message>
        <source>{file}: not a set-up file (it has no 'format: {format}' line; save one with 'downtime setup-file save').</source>
        <translation>{file} : pas un fichier de configuration (il n’a pas de ligne « format: {format} » ; enregistrez-en un avec « downtime setup-file save »).</translation>
    </message>
    <message>
        <source>{file}, line {line}, {field}: {problem}.</source>
        <translation>{file}, ligne {line}, {field} : {problem}.</translation>
    </message>
    <message>
        <source>{file}: {problem}</source>
        <translation>{file} : {problem}</translation>
    </message>
    <message>
        <source>{file}, line {line}, ward {ward}: {problem}</source>
        <translation>{file}, ligne {line}, service {ward} : {problem}</translation>
    </message>
    <message>
        <source>This database already runs on this computer: nothing to decide ('downtime set device-number' changes its number).</source>
        <translation>Cette base fonctionne déjà sur cet ordinateur : rien à décider (« downtime set device-number » change son numéro).</translation>
    </message>
    <message>
        <source>Device number: {number} is the other laptop's, which goes on using it; give this one its own.</source>
        <translation>Numéro d’appareil : {number} est celui de l’autre portable, qui continue de l’utiliser ; donnez-en un propre à celui-ci.</translation>
    </message>
    <message>
        <source>In</source>
        <translation>Présent</translation>
    </message>
    <message>
        <source>Discharged</source>
        <translation>Sorti(e)</translation>
    </message>
    <message>
        <source>Deceased</source>
        <translation>Décédé(e)</translation>
    </message>
    <message>
        <source>Transferred out</source>
        <translation>Transféré(e)</translation>
    </message>
    <message>
        <source>final</source>
        <translation>définitif</translation>
    </message>
    <message>
        <source>amended</source>
        <translation>modifié</translation>
    </message>
    <message>
        <source>ENTERED IN ERROR</source>
        <translation>SAISIE PAR ERREUR</translation>
    </message>
    <message>
        <source>field {id}</source>
        <translation>champ {id}</translation>
    </message>
    <message>
        <source>section {id}</source>
        <translation>section {id}</translation>
    </message>
    <message>
        <source>item {number}</source>
        <translation>élément {number}</translation>
    </message>
    <message>
        <source>form</source>
        <translation>formulaire</translation>
    </message>
    <message>
        <source>cannot be read: {problem}</source>
        <translation>illisible : {problem}</translation>
    </message>
    <message>
        <source>is not valid YAML: {problem}</source>
        <translation>n’est pas du YAML valide : {problem}</translation>
    </message>
    <message>
        <source>must hold a mapping with id, version, title and sections</source>
        <translation>doit contenir un dictionnaire avec id, version, title et sections</translation>
    </message>
    <message>
        <source>form id {id} must match the file name {name}</source>
        <translation>l’identifiant de formulaire {id} doit être le nom du fichier {name}</translation>
    </message>
    <message>
        <source>holds no form definition (*.yaml)</source>
        <translation>ne contient aucune définition de formulaire (*.yaml)</translation>
    </message>
    <message>
        <source>not a valid regular expression: {problem}</source>
        <translation>expression régulière invalide : {problem}</translation>
    </message>
    <message>
        <source>field id {id} must be lower_snake_case</source>
        <translation>l’identifiant de champ {id} doit être en lower_snake_case</translation>
    </message>
    <message>
        <source>form id {id} must be lower_snake_case</source>
        <translation>l’identifiant de formulaire {id} doit être en lower_snake_case</translation>
    </message>
    <message>
        <source>a form that creates a patient is the one with movement 'admit'</source>
        <translation>un formulaire qui crée un patient est celui dont le mouvement est 'admit'</translation>
    </message>
    <message>
        <source>field {field}: {key} names unknown field {source} of {form}</source>
        <translation>champ {field} : {key} nomme un champ inconnu {source} de {form}</translation>
    </message>
    <message>
        <source>field {field}: within: {source} of {form} is no multiple choice of codes this field offers</source>
        <translation>champ {field} : within : {source} de {form} n’est pas un choix multiple parmi les codes que ce champ propose</translation>
    </message>
    <message>
        <source>section {section}: news2 copies no field {fields} of {form}</source>
        <translation>section {section} : news2 ne copie aucun champ {fields} de {form}</translation>
    </message>
    <message>
        <source>field {field}: copied_from names unknown form {form}</source>
        <translation>champ {field} : copied_from nomme un formulaire inconnu {form}</translation>
    </message>
    <message>
        <source>field {field}: copied_from without a field copies {form} into a long text only</source>
        <translation>champ {field} : copied_from sans champ ne copie {form} que dans un texte long</translation>
    </message>
    <message>
        <source>field {field}: copied_from names unknown field {source} of {form}</source>
        <translation>champ {field} : copied_from nomme un champ inconnu {source} de {form}</translation>
    </message>
    <message>
        <source>field {field}: copied_from: {source} is a {kind}, this a {own}</source>
        <translation>champ {field} : copied_from : {source} est de type {kind}, celui-ci de type {own}</translation>
    </message>
    <message>
        <source>section {section}: {total} holds no field {fields}</source>
        <translation>section {section} : {total} ne contient aucun champ {fields}</translation>
    </message>
    <message>
        <source>field {field}: copied_from: codes {codes} are none of this field's options</source>
        <translation>champ {field} : copied_from : les codes {codes} ne sont aucune des options de ce champ</translation>
    </message>
    <message>
        <source>field {field}: id used twice</source>
        <translation>champ {field} : identifiant employé deux fois</translation>
    </message>
    <message>
        <source>field {field}: meaning {meaning} used twice</source>
        <translation>champ {field} : sens {meaning} employé deux fois</translation>
    </message>
    <message>
        <source>summary names unknown field {name}</source>
        <translation>summary nomme un champ inconnu {name}</translation>
    </message>
    <message>
        <source>section {section}: total {total} is none of {known}</source>
        <translation>section {section} : le total {total} n’est aucun de {known}</translation>
    </message>
    <message>
        <source>section {section}: total_key {field} is no field of its total</source>
        <translation>section {section} : total_key {field} n’est aucun champ de son total</translation>
    </message>
    <message>
        <source>section {section}: pews holds no field {fields}</source>
        <translation>section {section} : pews ne contient pas le champ {fields}</translation>
    </message>
    <message>
        <source>section {section}: sepsis reads no field {fields}</source>
        <translation>section {section} : sepsis ne lit aucun champ {fields}</translation>
    </message>
    <message>
        <source>section {section}: sepsis needs a news2 section</source>
        <translation>section {section} : sepsis demande une section news2</translation>
    </message>
    <message>
        <source>field {field}: condition names unknown field {name}</source>
        <translation>champ {field} : la condition nomme un champ inconnu {name}</translation>
    </message>
    <message>
        <source>field {field}: condition refers to the field itself</source>
        <translation>champ {field} : la condition renvoie au champ lui-même</translation>
    </message>
    <message>
        <source>field {field}: option codes repeat</source>
        <translation>champ {field} : des codes d’option se répètent</translation>
    </message>
    <message>
        <source>field {field}: min is above max</source>
        <translation>champ {field} : min est supérieur à max</translation>
    </message>
    <message>
        <source>field {field}: by_role names no role or no option: {names}</source>
        <translation>champ {field} : by_role ne nomme aucun rôle ou aucune option : {names}</translation>
    </message>
    <message>
        <source>field {field}: signed_in fills a text field only</source>
        <translation>champ {field} : signed_in ne remplit qu’un champ texte</translation>
    </message>
    <message>
        <source>field {field}: min_items is above max_items</source>
        <translation>champ {field} : min_items est supérieur à max_items</translation>
    </message>
    <message>
        <source>field {field}: since {since} is above the form's version {version}</source>
        <translation>champ {field} : since {since} est supérieur à la version {version} du formulaire</translation>
    </message>
    <message>
        <source>field {field}: since and unanswered: an earlier version's record left it unanswered for {code}, so it is shown</source>
        <translation>champ {field} : since et unanswered : un enregistrement d’une version antérieure le laissait sans réponse pour {code}, il est donc affiché</translation>
    </message>
    <message>
        <source>field {field}: since marks a whole field, not the columns {columns} of a repeat group</source>
        <translation>champ {field} : since marque un champ entier, pas les colonnes {columns} d’un groupe répété</translation>
    </message>
    <message>
        <source>field {field}: not_after names no datetime field {name}</source>
        <translation>champ {field} : not_after ne nomme aucun champ date et heure {name}</translation>
    </message>
    <message>
        <source>field {field}: side_from names no choice field of the sides {name}</source>
        <translation>champ {field} : side_from ne nomme aucun champ à choix des côtés {name}</translation>
    </message>
    <message>
        <source>field {field}: {key} names no record_ref field {name}</source>
        <translation>champ {field} : {key} ne nomme aucun champ record_ref {name}</translation>
    </message>
    <message>
        <source>Current PIN: wrong PIN; nothing was changed. Wrong PINs count as failed sign-ins: five in a row lock your staff ID for five minutes.</source>
        <translation>Code actuel : code erroné ; rien n’a été changé. Les codes erronés comptent comme des connexions échouées : cinq de suite bloquent votre identifiant pendant cinq minutes.</translation>
    </message>
    <message>
        <source>New PIN: the same as the current one; choose another.</source>
        <translation>Nouveau code : identique au code actuel ; choisissez-en un autre.</translation>
    </message>
    <message>
        <source>{form}, last typed {time}</source>
        <translation>{form}, dernière saisie le {time}</translation>
    </message>
    <message>
        <source>{form} — {patient}, last typed {time}</source>
        <translation>{form} — {patient}, dernière saisie le {time}</translation>
    </message>
    <message>
        <source>Doses from the paper chart — {patient}: {count} row(s) typed, not saved, last typed {time}</source>
        <translation>Doses du plan d’administration papier — {patient} : {count} ligne(s) saisie(s), non enregistrée(s), dernière saisie le {time}</translation>
    </message>
    <message>
        <source>{count} row(s) of doses typed in from the paper chart for {patient} are waiting, not saved.</source>
        <translation>{count} ligne(s) de doses saisies depuis le plan d’administration papier pour {patient} attendent, non enregistrées.</translation>
    </message>
    <message>
        <source>The laptop's clock says {now}, but a record was written at {latest}: check the date and time before recording care.</source>
        <translation>L’horloge du portable indique {now}, mais un enregistrement a été écrit le {latest} : vérifiez la date et l’heure avant d’enregistrer des soins.</translation>
    </message>
    <message>
        <source>{versions} record version(s) of {records} record(s)</source>
        <translation>{versions} version(s) d’enregistrement de {records} enregistrement(s)</translation>
    </message>
    <message>
        <source>{count} later version(s) of a record (amendments, or versions two laptops wrote otherwise)</source>
        <translation>{count} version(s) ultérieure(s) d’un enregistrement (modifications, ou versions écrites autrement par deux portables)</translation>
    </message>
    <message>
        <source>{count} version(s) on hold (two laptops wrote them otherwise), kept aside until the hold is settled</source>
        <translation>{count} version(s) en attente (deux portables les ont écrites autrement), mise(s) de côté jusqu’à la levée de l’attente</translation>
    </message>
    <message>
        <source>{count} version(s) set aside when their hold was settled</source>
        <translation>{count} version(s) mise(s) de côté à la levée de leur mise en attente</translation>
    </message>
    <message>
        <source>{count} record(s) withdrawn (entered in error) before anyone entered them in the EHR, not listed</source>
        <translation>{count} enregistrement(s) annulé(s) (saisie par erreur) avant toute saisie dans le DPI, non listé(s)</translation>
    </message>
    <message>
        <source>{count} record(s) loaded from the EHR's snapshot and unchanged since, not listed</source>
        <translation>{count} enregistrement(s) chargé(s) depuis l’instantané du DPI et inchangé(s) depuis, non listé(s)</translation>
    </message>
    <message>
        <source>{listed} record(s) on the Back-entry list, one line a record at its latest version, from {counted}: {why}</source>
        <translation>{listed} enregistrement(s) sur la liste de ressaisie, une ligne par enregistrement à sa dernière version, à partir de {counted} : {why}</translation>
    </message>
    <message>
        <source>{listed} record(s) on the Back-entry list, one line a record at its latest version, from {counted}</source>
        <translation>{listed} enregistrement(s) sur la liste de ressaisie, une ligne par enregistrement à sa dernière version, à partir de {counted}</translation>
    </message>
    <message>
        <source>Imported, this merge adds {versions} record version(s) (those on hold kept aside) and {listed} record(s) to the Back-entry list, one line a record</source>
        <translation>Importée, cette fusion ajoute {versions} version(s) d’enregistrement (celles en attente mises de côté) et {listed} enregistrement(s) à la liste de ressaisie, une ligne par enregistrement</translation>
    </message>
    <message>
        <source>{weight} kg is unusual for {who}: check that it was not mistyped (0,9 typed for 90). Weight-based doses such as enoxaparin and gentamicin are worked out from it.</source>
        <translation>{weight} kg est un poids inhabituel pour {who} : vérifiez qu’il ne s’agit pas d’une erreur de saisie (0,9 tapé pour 90). Les doses calculées selon le poids, comme celles de l’énoxaparine et de la gentamicine, en dépendent.</translation>
    </message>
    <message>
        <source>an adult</source>
        <translation>un adulte</translation>
    </message>
    <message>
        <source>a patient whose age is not known</source>
        <translation>un patient dont l’âge n’est pas connu</translation>
    </message>
    <message>
        <source>a baby under 1 year old</source>
        <translation>un bébé de moins d’un an</translation>
    </message>
    <message>
        <source>a child of {age}</source>
        <translation>un enfant de {age} ans</translation>
    </message>
    <message>
        <source>a child of 1</source>
        <translation>un enfant d’un an</translation>
    </message>
    <message>
        <source>{dose} {dose_unit} for {kg} kg (weighed {day}, more than {days} days ago): a baby under 1 year is dosed on a weight no more than 7 days old (this hospital's rule): weigh the baby, or give the weight used as the reason.</source>
        <translation>{dose} {dose_unit} pour {kg} kg (pesé le {day}, il y a plus de {days} jours) : un bébé de moins d’un an est dosé sur un poids de 7 jours au plus (règle de cet hôpital) : peser le bébé, ou donner en motif le poids utilisé.</translation>
    </message>
    <message>
        <source>{doubt} Correct it, or confirm it in “{field}”.</source>
        <translation>{doubt} Corrigez-le, ou confirmez-le dans « {field} ».</translation>
    </message>
    <message>
        <source>No dose recorded on this laptop between {start} and {end}: doses given then may be on paper. Enter them first (at the time they were given) before giving anything due.</source>
        <translation>Aucune dose tracée sur ce portable entre {start} et {end} : les doses données pendant ce temps sont peut-être sur papier. Saisissez-les d’abord (à l’heure où elles ont été données) avant de donner quoi que ce soit.</translation>
    </message>
    <message>
        <source>No dose recorded on this laptop in {count} stretches: {stretches}. Doses given then may be on paper. Enter them first (at the time they were given) before giving anything due.</source>
        <translation>Aucune dose tracée sur ce portable pendant {count} périodes : {stretches}. Les doses données pendant ces périodes sont peut-être sur papier. Saisissez-les d’abord (à l’heure où elles ont été données) avant de donner quoi que ce soit.</translation>
    </message>
    <message>
        <source>The stretch ends at or before its start: type its start, then its end.</source>
        <translation>La période se termine avant ou à son début : saisissez son début, puis sa fin.</translation>
    </message>
    <message>
        <source>Row {row}, {dose}: {problem}</source>
        <translation>Ligne {row}, {dose} : {problem}</translation>
    </message>
    <message>
        <source>Safety warnings on {count} row(s): give a reason to record each one anyway, or leave the row not on paper. Nothing is saved yet.</source>
        <translation>Alertes de sécurité sur {count} ligne(s) : donnez un motif pour enregistrer chacune malgré tout, ou laissez la ligne « Pas sur le papier ». Rien n’est encore enregistré.</translation>
    </message>
    <message>
        <source>Telephone order countersigned</source>
        <translation>Prescription téléphonique contresignée</translation>
    </message>
    <message>
        <source>“{field}” stays Yes: this order was given by telephone. A doctor countersigns it instead.</source>
        <translation>« {field} » reste Oui : cette prescription a été donnée par téléphone. Un médecin la contresigne à la place.</translation>
    </message>
    <message>
        <source>{form}: a nurse writes or changes an order only as a prescriber gives it by telephone: answer “{field}” Yes, name the prescriber and read the order back to them.</source>
        <translation>{form} : un(e) infirmier(ère) ne rédige ou ne modifie une prescription que telle qu’un prescripteur la donne par téléphone : répondez Oui à « {field} », nommez le prescripteur et relisez-lui la prescription.</translation>
    </message>
    <message>
        <source>“{field}”: only a doctor countersigns an order. Answer No: a doctor countersigns it later.</source>
        <translation>« {field} » : seul un médecin contresigne une prescription. Répondez Non : un médecin la contresignera ensuite.</translation>
    </message>
    <message>
        <source>“{field}”: you are signed in as a doctor, so the order is yours: answer No.</source>
        <translation>« {field} » : vous êtes connecté(e) en tant que médecin, la prescription est donc la vôtre : répondez Non.</translation>
    </message>
    <message>
        <source>“{field}”: a doctor changing a telephone order signs it: answer Yes.</source>
        <translation>« {field} » : le médecin qui modifie une prescription téléphonique la signe : répondez Oui.</translation>
    </message>
    <message>
        <source>“{field}”: read the order back to the prescriber, and save it once they have confirmed it.</source>
        <translation>« {field} » : relisez la prescription au prescripteur, et enregistrez-la une fois qu’il l’a confirmée.</translation>
    </message>
    <message>
        <source>A nurse withdraws only a telephone order not yet countersigned: ask a doctor to withdraw this one.</source>
        <translation>Un(e) infirmier(ère) ne retire qu’une prescription téléphonique pas encore contresignée : demandez à un médecin de retirer celle-ci.</translation>
    </message>
    <message>
        <source>Only a doctor countersigns a telephone order.</source>
        <translation>Seul un médecin contresigne une prescription téléphonique.</translation>
    </message>
    <message>
        <source>This order awaits no countersignature (countersigned or withdrawn since, or not a telephone order): read the chart again.</source>
        <translation>Cette prescription n’attend aucune contresignature (contresignée ou retirée depuis, ou non téléphonique) : relisez le plan d’administration.</translation>
    </message>
    <message>
        <source>“{field}”: {started} unit(s) of this prescription are started already.</source>
        <translation>« {field} » : {started} produit(s) de cette prescription sont déjà posés.</translation>
    </message>
    <message>
        <source>“{field}”: the unit's end is recorded at {time}, before this.</source>
        <translation>« {field} » : la fin du produit est saisie à {time}, avant cela.</translation>
    </message>
    <message>
        <source>“{field}”: no unit of this patient's is recorded as started with that reference.</source>
        <translation>« {field} » : aucun produit de ce patient n’est saisi comme posé sous cette référence.</translation>
    </message>
    <message>
        <source>“{field}”: the unit started at {time}, after this.</source>
        <translation>« {field} » : le produit a été posé à {time}, après cela.</translation>
    </message>
    <message>
        <source>“{field}”: this unit's end is already recorded ({time}); amend that record instead.</source>
        <translation>« {field} » : la fin de ce produit est déjà saisie ({time}) ; modifier plutôt cet enregistrement.</translation>
    </message>
    <message>
        <source>Unit(s) {units} were started on this prescription: it stays on their record. Correct it by amending it; a unit recorded by mistake is withdrawn first, from the Transfusion tab.</source>
        <translation>Produit(s) {units} posé(s) sur cette prescription : elle reste sur leur dossier. La corriger en la modifiant ; un produit saisi par erreur est d’abord annulé, depuis l’onglet Transfusion.</translation>
    </message>
    <message>
        <source>“{field}”: unit {unit} is recorded as running since {time}: record its end first (given in full or stopped), at the time it was taken down, after the death if so.</source>
        <translation>« {field} » : le produit {unit} est noté en cours depuis le {time} : noter d’abord sa fin (transfusé en totalité ou arrêté), à l’heure où il a été retiré, après le décès le cas échéant.</translation>
    </message>
    <message>
        <source>“{field}”: this patient's group was recorded as {group} with unit {unit} on {time}: two groups for one patient mean a sample or a patient mistaken; do not start it; ask the blood bank.</source>
        <translation>« {field} » : le groupe de ce patient a été saisi {group} avec le produit {unit} le {time} : deux groupes pour un même patient signent une erreur de prélèvement ou de patient ; ne pas poser ce produit ; appeler l’EFS.</translation>
    </message>
    <message>
        <source>“{field}”: the patient's group is not known yet: only group O red cells are given; do not start this unit; ask the blood bank.</source>
        <translation>« {field} » : le groupe du patient n’est pas encore connu : seuls des CGR de groupe O sont posés ; ne pas poser ce produit ; appeler l’EFS.</translation>
    </message>
    <message>
        <source>“{field}”: group {unit} is not compatible with the patient's group {patient} for {component}: do not start it; ask the blood bank.</source>
        <translation>« {field} » : {component} de groupe {unit}, non compatible avec le groupe {patient} du patient : ne pas le poser ; appeler l’EFS.</translation>
    </message>
    <message>
        <source>“{field}”: that prescription is of the patient's stay before: blood is prescribed again for this one.</source>
        <translation>« {field} » : cette prescription est du séjour précédent du patient : le sang est prescrit à nouveau pour celui-ci.</translation>
    </message>
    <message>
        <source>“{field}”: the prescription is for {component}: check the unit against it.</source>
        <translation>« {field} » : la prescription est de {component} : vérifier le produit avec elle.</translation>
    </message>
    <message>
        <source>“{field}”: the prescription asks for {missing}, which the unit's label does not show: do not start it; ask the blood bank.</source>
        <translation>« {field} » : la prescription demande {missing}, que l’étiquette du produit n’indique pas : ne pas le poser ; appeler l’EFS.</translation>
    </message>
    <message>
        <source>“{field}”: its {units} unit(s) are all started already; a further unit needs a new prescription.</source>
        <translation>« {field} » : ses {units} produit(s) sont déjà tous posés ; un produit de plus demande une nouvelle prescription.</translation>
    </message>
    <message>
        <source>“{field}”: the set at {time} read {changed} after unit {unit} was first started. A unit is restarted only after a mild reaction, a fever under 39 °C and up less than 2 °C or a rash, with no other sign: do not restart it and return it to the blood bank; the doctor decides with the blood bank what the patient is given instead.</source>
        <translation>« {field} » : les constantes de {time} indiquaient {changed} après la première pose du produit {unit}. Un produit n’est repris qu’après une réaction légère, une fièvre sous 39 °C montée de moins de 2 °C ou une éruption, sans autre signe : ne pas le reprendre et le retourner à l’EFS ; le médecin décide avec l’EFS de ce que le patient reçoit à la place.</translation>
    </message>
    <message>
        <source>amoxicillin</source>
        <translation>amoxicilline</translation>
    </message>
    <message>
        <source>ampicillin</source>
        <translation>ampicilline</translation>
    </message>
    <message>
        <source>cefalexin</source>
        <translation>céfalexine</translation>
    </message>
    <message>
        <source>cefadroxil</source>
        <translation>céfadroxil</translation>
    </message>
    <message>
        <source>cefaclor</source>
        <translation>céfaclor</translation>
    </message>
    <message>
        <source>cefradine</source>
        <translation>céfradine</translation>
    </message>
    <message>
        <source>cefprozil</source>
        <translation>cefprozil</translation>
    </message>
    <message>
        <source>ceftriaxone</source>
        <translation>ceftriaxone</translation>
    </message>
    <message>
        <source>cefotaxime</source>
        <translation>céfotaxime</translation>
    </message>
    <message>
        <source>cefuroxime</source>
        <translation>céfuroxime</translation>
    </message>
    <message>
        <source>cefepime</source>
        <translation>céfépime</translation>
    </message>
    <message>
        <source>cefpodoxime</source>
        <translation>cefpodoxime</translation>
    </message>
    <message>
        <source>ceftazidime</source>
        <translation>ceftazidime</translation>
    </message>
    <message>
        <source>aztreonam</source>
        <translation>aztréonam</translation>
    </message>
    <message>
        <source>{allergy} — a reaction to {allergen}: {medicine} shares its side chain (cross-reaction)</source>
        <translation>{allergy} — réaction à {allergen} : {medicine} a la même chaîne latérale (allergie croisée)</translation>
    </message>
    <message>
        <source>{form}: this one was written by {author}, and only they may correct or withdraw it. Write a new one of your own to add to it or to say it is wrong.</source>
        <translation>{form} : cet enregistrement a été rédigé par {author}, et seule cette personne peut le corriger ou le retirer. Rédigez-en un nouveau, à votre nom, pour le compléter ou dire qu’il est erroné.</translation>
    </message>
    <message>
        <source>Name: it cannot start with =, +, - or @ (a spreadsheet would take it for a formula).</source>
        <translation>Nom : il ne peut pas commencer par =, +, - ou @ (un tableur le prendrait pour une formule).</translation>
    </message>
    <message>
        <source>the database file is damaged: part of it cannot be read (a failing disk or USB stick)</source>
        <translation>le fichier de la base est endommagé : une partie ne peut pas en être lue (disque ou clé USB défaillant)</translation>
    </message>
    <message>
        <source>Close the other Downtime window on this laptop first (or the 'downtime' command using {path}): it still has the database open, and what it saved would go into the damaged file. Nothing was moved.</source>
        <translation>Fermez d’abord l’autre fenêtre de Downtime sur ce portable (ou la commande « downtime » qui utilise {path}) : elle a encore la base ouverte, et ce qu’elle enregistrerait irait dans le fichier endommagé. Rien n’a été déplacé.</translation>
    </message>
    <message>
        <source>dose of {drug} {time}</source>
        <translation>dose de {drug} de {time}</translation>
    </message>
    <message>
        <source>dose of {drug}</source>
        <translation>dose de {drug}</translation>
    </message>
    <message>
        <source>doses from the paper chart</source>
        <translation>doses du plan d’administration papier</translation>
    </message>
    <message>
        <source>amendment of {form}</source>
        <translation>modification de {form}</translation>
    </message>
    <message>
        <source>{what}, bed {bed}</source>
        <translation>{what}, lit {bed}</translation>
    </message>
    <message>
        <source>{what}, ward {ward}</source>
        <translation>{what}, service {ward}</translation>
    </message>
    <message>
        <source>{name} (deactivated)</source>
        <translation>{name} (compte désactivé)</translation>
    </message>
    <message>
        <source>1 form typed by {name} at {time} not saved ({what})</source>
        <translation>1 formulaire saisi par {name} à {time} non enregistré ({what})</translation>
    </message>
    <message>
        <source>{count} forms typed and not saved, the last by {name} at {time} ({what})</source>
        <translation>{count} formulaires saisis et non enregistrés, le dernier par {name} à {time} ({what})</translation>
    </message>
    <message>
        <source>{what} — {patient}: typed by {name} at {time}, not saved</source>
        <translation>{what} — {patient} : saisi par {name} à {time}, non enregistré</translation>
    </message>
    <message>
        <source>{what}: typed by {name} at {time}, not saved</source>
        <translation>{what} : saisi par {name} à {time}, non enregistré</translation>
    </message>
    <message>
        <source>Only whoever typed a form can open it: ask them to sign in and save it, or to say what it held.</source>
        <translation>Seule la personne qui a saisi un formulaire peut l’ouvrir : demandez-lui de se connecter et de l’enregistrer, ou de dire ce qu’il contenait.</translation>
    </message>
    <message>
        <source>{name} was typing this dose at {time} and did not save it: ask them before giving it.</source>
        <translation>{name} saisissait cette dose à {time} et ne l’a pas enregistrée : demandez-lui avant de la donner.</translation>
    </message>
    <message>
        <source>{name} was typing a dose of {drug} at {time} and did not save it: ask them before giving this one.</source>
        <translation>{name} saisissait une dose de {drug} à {time} et ne l’a pas enregistrée : demandez-lui avant de donner celle-ci.</translation>
    </message>
    <message>
        <source>{count} unsaved form(s) of theirs: {forms}. Only they can open them, given a new PIN: ask them.</source>
        <translation>{count} formulaire(s) non enregistré(s) de cette personne : {forms}. Elle seule peut les ouvrir, avec un nouveau code PIN : demandez-lui.</translation>
    </message>
    <message>
        <source>It was set up on another computer: at its first opening here an administrator says which laptop this is, or now with 'downtime set this-laptop replaces' (or 'copy NUMBER NAME').</source>
        <translation>Elle a été installée sur un autre ordinateur : à sa première ouverture ici, un administrateur dit quel portable c’est, ou dès maintenant avec « downtime set this-laptop replaces » (ou « copy NUMÉRO NOM »).</translation>
    </message>
    <message>
        <source>refused: {first} and {second} give downtime number {number} to two different patients: they come from copies of one laptop's database, or from one laptop before and after it was restored from a backup by an earlier version of Downtime (which gave the numbers given since the backup again), so each number can name two people. Check both patients' wristbands with the ward; set each laptop up with a database and device number of its own. --shared-device-number cannot merge them: both have one device id, so nothing tells their records apart by laptop</source>
        <translation>refusé : {first} et {second} donnent le numéro de procédure dégradée {number} à deux patients différents : ils viennent de copies de la base d’un même portable, ou d’un même portable avant et après sa restauration depuis une sauvegarde par une version antérieure de Downtime (qui redonnait les numéros donnés depuis la sauvegarde), et chaque numéro peut donc désigner deux personnes. Vérifiez les bracelets des deux patients avec le service ; installez chaque portable avec sa propre base et son propre numéro d’appareil. --shared-device-number ne peut pas les fusionner : les deux ont un même identifiant d’appareil, donc rien ne distingue leurs dossiers par portable</translation>
    </message>
    <message>
        <source>identified as {name} on another laptop (on hold)</source>
        <translation>identifié comme {name} sur un autre portable (en attente)</translation>
    </message>
    <message>
        <source>{number}: admission withdrawn {when} by {by}: “{reason}”</source>
        <translation>{number} : admission annulée (saisie par erreur) le {when} par {by} : « {reason} »</translation>
    </message>
    <message>
        <source>{number}: a paper number reserved {when} by {by}, not given to a patient</source>
        <translation>{number} : numéro réservé pour une admission sur papier le {when} par {by}, attribué à aucun patient</translation>
    </message>
    <message>
        <source>{staff_id} ({name}, {role}, {state})</source>
        <translation>{staff_id} ({name}, {role}, {state})</translation>
    </message>
    <message>
        <source>An account of that name exists already: {accounts}. If it is the same person, give that account a new PIN instead (it reactivates a deactivated one), so that their care stays under one staff ID; add {staff_id} only for someone else of the same name.</source>
        <translation>Un compte de ce nom existe déjà : {accounts}. S’il s’agit de la même personne, donnez plutôt un nouveau code PIN à ce compte (cela réactive un compte désactivé), afin que ses soins restent sous un seul identifiant ; n’ajoutez {staff_id} que pour une autre personne du même nom.</translation>
    </message>
    <message>
        <source>Staff ID {staff_id} already exists for {name} ({role}), deactivated. If {name} is back, give it a new PIN to reactivate it, so that their care stays under one staff ID; anyone else needs a staff ID of their own: what they record under this one is named {name}'s.</source>
        <translation>L’identifiant {staff_id} existe déjà pour {name} ({role}), désactivé. Si {name} est de retour, donnez-lui un nouveau code PIN pour le réactiver, afin que ses soins restent sous un seul identifiant ; toute autre personne a besoin de son propre identifiant : ce qu’elle enregistrerait sous celui-ci serait au nom de {name}.</translation>
    </message>
    <message>
        <source>Staff ID {staff_id} already exists for {name} ({role}).</source>
        <translation>L’identifiant {staff_id} existe déjà pour {name} ({role}).</translation>
    </message>
    <message>
        <source>{staff_id} is now {name} ({role}). What they recorded keeps their staff ID, so every screen and print names them so from now on (pages printed before keep the old name).</source>
        <translation>{staff_id} est désormais {name} ({role}). Ce que cette personne a enregistré garde son identifiant : chaque écran et chaque impression la nomme ainsi désormais (les pages imprimées avant gardent l’ancien nom).</translation>
    </message>
    <message>
        <source>Nothing to correct: {staff_id} is already {name} ({role}).</source>
        <translation>Rien à corriger : {staff_id} est déjà {name} ({role}).</translation>
    </message>
    <message>
        <source>Reason: required (what was typed wrong).</source>
        <translation>Motif : obligatoire (ce qui a été mal saisi).</translation>
    </message>
    <message>
        <source>{said} Give --same-name to add {staff_id} all the same.</source>
        <translation>{said} Donnez --same-name pour ajouter {staff_id} malgré tout.</translation>
    </message>
    <message>
        <source>add it though an account of the same name exists: the new person is someone else (the same person back is given their account's new PIN with set-pin)</source>
        <translation>l’ajouter bien qu’un compte du même nom existe : la nouvelle personne est quelqu’un d’autre (la même personne de retour reçoit un nouveau code PIN pour son compte avec set-pin)</translation>
    </message>
    <message>
        <source>correct an account's name or role typed wrong, with the reason (administrator only)</source>
        <translation>corriger le nom ou le rôle mal saisi d’un compte, avec le motif (administrateur seulement)</translation>
    </message>
    <message>
        <source>the corrected full name (left out: kept)</source>
        <translation>le nom complet corrigé (omis : inchangé)</translation>
    </message>
    <message>
        <source>the corrected role (left out: kept)</source>
        <translation>le rôle corrigé (omis : inchangé)</translation>
    </message>
    <message>
        <source>why, kept in the audit log with the old and the new</source>
        <translation>pourquoi, conservé dans le journal d’audit avec l’ancien et le nouveau</translation>
    </message>
    <message>
        <source>how many labels, 1 to {most} (default: one full sheet; one insert on wristband stock)</source>
        <translation>nombre d’étiquettes, de 1 à {most} (par défaut : une planche entière ; un seul insert sur les inserts de bracelet)</translation>
    </message>
    <message>
        <source>“{field}”: Yes, but the admission lists no allergy. Record the allergy on the admission first (the team reads it there and on the wristband), then answer here.</source>
        <translation>« {field} » : Oui, alors que l’admission ne mentionne aucune allergie. Enregistrer d’abord l’allergie sur l’admission (l’équipe la lit là et sur le bracelet), puis répondre ici.</translation>
    </message>
    <message>
        <source>the admission lists no allergy now: ask the patient which, and record it there</source>
        <translation>l’admission ne mentionne plus aucune allergie : demander au patient laquelle, et l’y enregistrer</translation>
    </message>
    <message>
        <source>{field}: given by {name}, who confirms it with their own PIN, as the giver of a controlled drug or a high-alert medicine does.</source>
        <translation>{field} : administré par {name}, qui le confirme avec son propre code, comme tout soignant qui administre un stupéfiant ou un médicament à haut risque.</translation>
    </message>
    <message>
        <source>{allergy} — an angioedema with an ACE inhibitor: every ACE inhibitor, and sacubitril, is contraindicated after one</source>
        <translation>{allergy} — un angio-œdème sous IEC : tout IEC, et le sacubitril, est contre-indiqué après un tel épisode</translation>
    </message>
    <message>
        <source>Wristband out of date for {count} patient(s): print a new one, put it on the patient and remove the old one — {patients}.</source>
        <translation>Bracelet d’identification périmé pour {count} patient(s) : imprimez-en un nouveau, posez-le au patient et retirez l’ancien — {patients}.</translation>
    </message>
    <message>
        <source>{number} {name} ({changed})</source>
        <translation>{number} {name} ({changed})</translation>
    </message>
    <message>
        <source>Their ID labels read what was too: destroy every one left, in the patient's folder and at the nurses' station, and print a new sheet — {patients}.</source>
        <translation>Leurs étiquettes d’identification portent encore l’ancienne mention : détruisez toutes celles qui restent, dans le dossier du patient et au poste de soins, et imprimez une nouvelle planche — {patients}.</translation>
    </message>
    <message>
        <source>name changed</source>
        <translation>nom modifié</translation>
    </message>
    <message>
        <source>date of birth or sex changed</source>
        <translation>date de naissance ou sexe modifié</translation>
    </message>
    <message>
        <source>downtime number changed</source>
        <translation>numéro de procédure dégradée modifié</translation>
    </message>
    <message>
        <source>IPP changed</source>
        <translation>IPP modifié</translation>
    </message>
    <message>
        <source>allergies changed</source>
        <translation>allergies modifiées</translation>
    </message>
    <message>
        <source>identity check changed</source>
        <translation>vérification d’identité modifiée</translation>
    </message>
    <message>
        <source>RESTORED FROM A BACKUP: {laptop} was restored on {restored} by {who} from a backup of {made}: records typed on it between {made} and {restored} were lost unless typed again from paper; check that laptop's paper forms of that time against the records merged (the manifest's restores)</source>
        <translation>RESTAURÉ DEPUIS UNE SAUVEGARDE : {laptop} a été restauré le {restored} par {who} depuis une sauvegarde du {made} : les enregistrements saisis dessus entre {made} et {restored} sont perdus s’ils n’ont pas été ressaisis depuis le papier ; comparez les formulaires papier de ce portable pour cette période aux enregistrements fusionnés (restores du manifeste)</translation>
    </message>
    <message>
        <source>UNSAVED DRAFTS: {count} form(s) typed on {laptop} were still unsaved when it exported at {time}, so are in no export: {forms}. Ask whoever typed each what it held (a dose typed may have been given) (the manifest's unsaved_drafts)</source>
        <translation>BROUILLONS NON ENREGISTRÉS : {count} formulaire(s) saisi(s) sur {laptop} n’étaient toujours pas enregistrés lors de son export du {time}, et ne figurent donc dans aucun export : {forms}. Demandez à qui a saisi chacun ce qu’il contenait (une dose saisie a pu être donnée) (unsaved_drafts du manifeste)</translation>
    </message>
    <message>
        <source>{count} × {form} by {authors}, the last typed {time}</source>
        <translation>{count} × {form} par {authors}, le dernier saisi le {time}</translation>
    </message>
    <message>
        <source>line {line}: {key} given twice</source>
        <translation>ligne {line} : {key} donné deux fois</translation>
    </message>
    <message>
        <source>line {line}: {key} given twice in {id}</source>
        <translation>ligne {line} : {key} donné deux fois dans {id}</translation>
    </message>
    <message>
        <source>line {line}, column {column}: not UTF-8 text (save the file as UTF-8)</source>
        <translation>ligne {line}, colonne {column} : texte qui n’est pas en UTF-8 (enregistrez le fichier en UTF-8)</translation>
    </message>
    <message>
        <source>a label cannot be blank</source>
        <translation>un libellé ne peut pas être vide</translation>
    </message>
    <message>
        <source>field {field}: {rule} compares {name} with {value}, which is none of its answers ({answers})</source>
        <translation>champ {field} : {rule} compare {name} à {value}, qui n’est aucune de ses réponses ({answers})</translation>
    </message>
    <message>
        <source>field {field} is read by the app's code ({by}) and cannot be removed or renamed</source>
        <translation>le champ {field} est lu par le code de l’application ({by}) et ne peut être ni supprimé ni renommé</translation>
    </message>
    <message>
        <source>option {code} of field {field} is read by the app's code ({by}) and cannot be removed or renamed</source>
        <translation>l’option {code} du champ {field} est lue par le code de l’application ({by}) et ne peut être ni supprimée ni renommée</translation>
    </message>
    <message>
        <source>No longer on the form</source>
        <translation>N’est plus sur le formulaire</translation>
    </message>
    <message>
        <source>not on version {version} of the form</source>
        <translation>absent de la version {version} du formulaire</translation>
    </message>
    <message>
        <source>{code} (no longer on the form)</source>
        <translation>{code} (n’est plus sur le formulaire)</translation>
    </message>
    <message>
        <source>Kept: the last {keep}, one a day before them (the last of each day, for {days} days), and the first.</source>
        <translation>Gardées : les {keep} dernières, une par jour avant elles (la dernière de chaque jour, pendant {days} jours), et la première.</translation>
    </message>
    <message>
        <source>Controlled drug: the witness must be a ward nurse or a doctor; {name} is a {role}.</source>
        <translation>Stupéfiant : le témoin doit être un(e) infirmier(ère) du service ou un médecin ; {name} est {role}.</translation>
    </message>
    <message>
        <source>High-alert medicine: the second check must be made by a ward nurse or a doctor; {name} is a {role}.</source>
        <translation>Médicament à haut risque : le double contrôle doit être fait par un(e) infirmier(ère) du service ou un médecin ; {name} est {role}.</translation>
    </message>
    <message>
        <source>Student nurse's dose: the ward nurse supervising it must confirm it with their own PIN.</source>
        <translation>Dose d’un(e) étudiant(e) infirmier(ère) : l’infirmier(ère) du service qui l’encadre doit la confirmer avec son propre code.</translation>
    </message>
    <message>
        <source>Student nurse's dose: it is supervised by a ward nurse other than the student who gives it.</source>
        <translation>Dose d’un(e) étudiant(e) infirmier(ère) : elle est encadrée par un(e) infirmier(ère) du service autre que l’étudiant(e) qui la donne.</translation>
    </message>
    <message>
        <source>Student nurse's dose: it is supervised by a ward nurse; {name} may not record care.</source>
        <translation>Dose d’un(e) étudiant(e) infirmier(ère) : elle est encadrée par un(e) infirmier(ère) du service ; {name} ne peut pas enregistrer de soins.</translation>
    </message>
    <message>
        <source>{field}: this laptop was in use at {time}, when this student nurse's dose was given: the ward nurse who supervised it confirms it with their own PIN, as for a dose given now. Untick it: it is for a dose given while the laptop was not in use.</source>
        <translation>{field} : cet ordinateur était utilisé à {time}, heure à laquelle cette dose d’un(e) étudiant(e) infirmier(ère) a été administrée : l’infirmier(ère) qui l’a encadrée la confirme avec son propre code, comme pour une dose donnée maintenant. Décochez cette case : elle est réservée aux doses données pendant que l’ordinateur n’était pas utilisé.</translation>
    </message>
    <message>
        <source>Student nurse's dose: name the ward nurse who signed it on the paper chart.</source>
        <translation>Dose d’un(e) étudiant(e) infirmier(ère) : indiquez l’infirmier(ère) du service qui l’a signée sur le plan d’administration papier.</translation>
    </message>
    <message>
        <source>Student nurse's dose: it is supervised by a ward nurse; {name} is a {role}.</source>
        <translation>Dose d’un(e) étudiant(e) infirmier(ère) : elle est encadrée par un(e) infirmier(ère) du service ; {name} est {role}.</translation>
    </message>
    <message>
        <source>{field}: given by {name}, a student nurse, who confirms it with their own PIN, as the nurse supervising them does.</source>
        <translation>{field} : administré par {name}, étudiant(e) infirmier(ère), qui le confirme avec son propre code, comme l’infirmier(ère) qui l’encadre.</translation>
    </message>
    <message>
        <source>{day} is after today.</source>
        <translation>Le {day} est après aujourd’hui.</translation>
    </message>
    <message>
        <source>{day} is before this stay's admission on {admitted}.</source>
        <translation>Le {day} est avant l’admission de ce séjour, le {admitted}.</translation>
    </message>
    <message>
        <source>the chart's first day instead, a day of the patient's stay up to today, --days counted from it: any sheet of a long stay</source>
        <translation>le premier jour du plan à la place, un jour du séjour du patient jusqu’à aujourd’hui, --days comptés à partir de lui : toute feuille d’un long séjour</translation>
    </message>
    <message>
        <source>… and {count} more: see the MAR printed with this letter</source>
        <translation>… et {count} de plus : voir le plan d’administration imprimé avec ce document</translation>
    </message>
    <message>
        <source>{order} — no dose recorded in hospital ({count} doses due {first} to {last}): check the paper chart</source>
        <translation>{order} — aucune administration enregistrée pendant l’hospitalisation ({count} doses prévues du {first} au {last}) : vérifier le plan d’administration papier</translation>
    </message>
    <message>
        <source>{line} — HELD: {holds}</source>
        <translation>{line} — SUSPENDU : {holds}</translation>
    </message>
    <message>
        <source>{order}, at {times}</source>
        <translation>{order}, à {times}</translation>
    </message>
    <message>
        <source>{order}, as required</source>
        <translation>{order}, si besoin</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Ward code</source>
        <translation>Code du service</translation>
    </message>
    <message>
        <source>Ward name</source>
        <translation>Nom du service</translation>
    </message>
    <message>
        <source>Bed</source>
        <translation>Lit</translation>
    </message>
    <message>
        <source>Device name</source>
        <translation>Nom de l’appareil</translation>
    </message>
    <message>
        <source>The medication chart of {who} could not be printed: part of it is longer than a page. Copy their orders by hand onto a blank chart (the downtime binder's blank MAR) and tell the administrator.</source>
        <translation>Le plan d’administration de {who} n’a pas pu être imprimé : une partie dépasse une page. Recopier ses prescriptions à la main sur un plan vierge (celui du classeur de la procédure dégradée) et prévenir l’administrateur.</translation>
    </message>
    <message>
        <source>The medication chart of {who} could not be printed: part of it is longer than a page. The other patients' charts are printed, and a page in their place says so. Copy their orders by hand onto a blank chart (the downtime binder's blank MAR) and tell the administrator.</source>
        <translation>Le plan d’administration de {who} n’a pas pu être imprimé : une partie dépasse une page. Les plans des autres patients sont imprimés, et une page à sa place le signale. Recopier ses prescriptions à la main sur un plan vierge (celui du classeur de la procédure dégradée) et prévenir l’administrateur.</translation>
    </message>
    <message>
        <source>Part of this print is longer than a page, and it could not be laid out. Tell the administrator; meanwhile use the blank forms of the downtime binder.</source>
        <translation>Une partie de cette impression dépasse une page : elle n’a pas pu être mise en page. Prévenir l’administrateur ; en attendant, utiliser les formulaires vierges du classeur de la procédure dégradée.</translation>
    </message>
    <message>
        <source>Antibiotic: give its review date in “{review}”, or its course's length as its “{stop}” (Start Smart then Focus).</source>
        <translation>Antibiotique : donner sa date de réévaluation dans « {review} », ou la durée de son traitement par son « {stop} » (réévaluation à 48-72 h).</translation>
    </message>
    <message>
        <source>{name} must choose their own PIN first: a PIN an administrator set signs in only to choose a new one (Change my PIN, or 'downtime staff change-pin').</source>
        <translation>{name} doit d’abord choisir son propre code : un code défini par un administrateur ne connecte que pour en choisir un nouveau (Changer mon code, ou « downtime staff change-pin »).</translation>
    </message>
    <message>
        <source>{staff_id}: your PIN is one an administrator set, which signs in only to choose your own: run 'downtime staff change-pin --user {staff_id}' first.</source>
        <translation>{staff_id} : votre code a été défini par un administrateur et ne connecte que pour choisir le vôtre : lancez d’abord « downtime staff change-pin --user {staff_id} ».</translation>
    </message>
    <message>
        <source>{staff_id} signs in with the new PIN, once, to choose their own</source>
        <translation>{staff_id} se connecte avec le nouveau code, une fois, pour choisir le sien</translation>
    </message>
    <message>
        <source>{what}, discharged {day}</source>
        <translation>{what}, sorti(e) le {day}</translation>
    </message>
    <message>
        <source>{what}, died {day}</source>
        <translation>{what}, décédé(e) le {day}</translation>
    </message>
    <message>
        <source>{what}, transferred out {day}</source>
        <translation>{what}, transféré(e) vers un autre hôpital le {day}</translation>
    </message>
    <message>
        <source>Say why the form is set aside (for example: the dose is on the paper chart).</source>
        <translation>Dites pourquoi le formulaire est mis de côté (par exemple : la dose est sur la feuille papier).</translation>
    </message>
    <message>
        <source>This form is no longer waiting: it was saved, discarded or set aside meanwhile.</source>
        <translation>Ce formulaire n’est plus en attente : il a été enregistré, abandonné ou mis de côté entre-temps.</translation>
    </message>
    <message>
        <source>{name} typed this form at {time} and can still sign in: ask them to save it or discard it. A form is set aside once its author is deactivated, its patient has left hospital, or a day after it was last typed.</source>
        <translation>{name} a saisi ce formulaire à {time} et peut encore se connecter : demandez-lui de l’enregistrer ou de l’abandonner. Un formulaire peut être mis de côté une fois le compte de son auteur désactivé, son patient sorti de l’hôpital, ou un jour après sa dernière saisie.</translation>
    </message>
    <message>
        <source>Gentamicin</source>
        <translation>Gentamicine</translation>
    </message>
    <message>
        <source>Amoxicillin</source>
        <translation>Amoxicilline</translation>
    </message>
    <message>
        <source>Cefotaxime</source>
        <translation>Céfotaxime</translation>
    </message>
    <message>
        <source>Ceftriaxone</source>
        <translation>Ceftriaxone</translation>
    </message>
    <message>
        <source>{medicine}: {dose} mg in one dose by this route is above a child's usual first dose ({most} mg for {kg} kg, {per_kg} mg/kg, BNFc), where a tenfold slip is likelier than a dose: check it against the child's weight and current dose. For a child already taking opioids, give the reason in “{field}”.</source>
        <translation>{medicine} : {dose} mg en une prise par cette voie dépasse la dose initiale habituelle d’un enfant ({most} mg pour {kg} kg, {per_kg} mg/kg, BNFc), où une erreur d’un facteur dix est plus probable qu’une dose voulue : la vérifier au regard du poids de l’enfant et de sa dose actuelle. Pour un enfant prenant déjà des opioïdes, indiquer le motif dans « {field} ».</translation>
    </message>
    <message>
        <source>{medicine}: {dose} micrograms in one dose is above the most for a child by this route ({most} micrograms for {kg} kg, {per_kg} micrograms/kg, BNFc), where a tenfold slip is likelier than a dose: check it against the child's weight. If it is meant, give the reason in “{field}”.</source>
        <translation>{medicine} : {dose} microgrammes en une prise dépasse le maximum chez l’enfant par cette voie ({most} microgrammes pour {kg} kg, {per_kg} microgrammes/kg, BNFc), où une erreur d’un facteur dix est plus probable qu’une dose voulue : la vérifier au regard du poids de l’enfant. Si elle est voulue, indiquer le motif dans « {field} ».</translation>
    </message>
    <message>
        <source>{medicine} by this route is not usually given to a baby under {months} months old or under {kg} kg (ANSM, BNFc): check it is meant, and give the reason in “{field}”.</source>
        <translation>{medicine} par cette voie ne se donne habituellement pas à un nourrisson de moins de {months} mois ou de moins de {kg} kg (ANSM, BNFc) : vérifier qu’il est voulu, et indiquer le motif dans « {field} ».</translation>
    </message>
    <message>
        <source>{medicine} is dosed by weight under 18, and no weight is recorded this stay: weigh the child, or give the weight the dose is worked out from (measured, estimated or a parent's, and when) in “{field}”.</source>
        <translation>{medicine} se dose au poids avant 18 ans, et aucun poids n’est enregistré pour ce séjour : peser l’enfant, ou indiquer dans « {field} » le poids sur lequel la dose est calculée (mesuré, estimé ou donné par un parent, et quand).</translation>
    </message>
    <message>
        <source>Dose {dose} {unit} is outside the order's range ({lowest} to {ordered} {unit}).</source>
        <translation>La dose {dose} {unit} est hors de la fourchette prescrite ({lowest} à {ordered} {unit}).</translation>
    </message>
    <message>
        <source>{medicine} in mL: give the liquid's strength in “{mg}” and “{ml}” (e.g. 120 mg in 5 mL), or its limits could not be weighed.</source>
        <translation>{medicine} en mL : indiquez la concentration du liquide dans « {mg} » et « {ml} » (par ex. 120 mg dans 5 mL), sans quoi ses limites ne peuvent être vérifiées.</translation>
    </message>
    <message>
        <source>“{lowest}” must be below “{dose}”, the range's highest dose.</source>
        <translation>« {lowest} » doit être inférieure à « {dose} », la dose la plus forte de la fourchette.</translation>
    </message>
    <message>
        <source>{route} ({side})</source>
        <translation>{route} ({side})</translation>
    </message>
    <message>
        <source>{order}, next due {day}</source>
        <translation>{order}, prochaine dose le {day}</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 jour</translation>
    </message>
    <message>
        <source>under a day</source>
        <translation>moins d’un jour</translation>
    </message>
    <message>
        <source>{count} days</source>
        <translation>{count} jours</translation>
    </message>
    <message>
        <source>{count} weeks</source>
        <translation>{count} semaines</translation>
    </message>
    <message>
        <source>{count} months</source>
        <translation>{count} mois</translation>
    </message>
    <message>
        <source>{count} years</source>
        <translation>{count} ans</translation>
    </message>
    <message>
        <source>{line} — patch on: {site} since {time}</source>
        <translation>{line} — patch en place : {site} depuis le {time}</translation>
    </message>
    <message>
        <source>site not recorded</source>
        <translation>site non renseigné</translation>
    </message>
    <message>
        <source>{patient}: {record}, recorded on this laptop by {by}, is dated after this patient's death at {at}, recorded on {laptop} by {author}, {time}: find out now whether it was another patient's, or whether the death is right.</source>
        <translation>{patient} : {record}, enregistré sur ce portable par {by}, est daté d’après le décès de ce patient le {at}, enregistré sur {laptop} par {author}, {time} : vérifier maintenant s’il concernait un autre patient, ou si le décès est exact.</translation>
    </message>
    <message>
        <source>{patient}: {record}, recorded on this laptop by {by}, is dated after this patient's discharge at {at}, recorded on {laptop} by {author}, {time}: find out now whether it was another patient's, or whether the discharge is right.</source>
        <translation>{patient} : {record}, enregistré sur ce portable par {by}, est daté d’après la sortie de ce patient le {at}, enregistrée sur {laptop} par {author}, {time} : vérifier maintenant s’il concernait un autre patient, ou si la sortie est exacte.</translation>
    </message>
    <message>
        <source>{patient}: {record}, recorded on this laptop by {by}, is dated after this patient's transfer to another hospital at {at}, recorded on {laptop} by {author}, {time}: find out now whether it was another patient's, or whether the transfer is right.</source>
        <translation>{patient} : {record}, enregistré sur ce portable par {by}, est daté d’après le transfert de ce patient vers un autre établissement le {at}, enregistré sur {laptop} par {author}, {time} : vérifier maintenant s’il concernait un autre patient, ou si le transfert est exact.</translation>
    </message>
    <message>
        <source>Left in the infusion, destroyed: {quantity} {unit} (taken from the register whole when it was set up)</source>
        <translation>Reste de la perfusion, détruit : {quantity} {unit} (sorti du registre en entier à sa pose)</translation>
    </message>
    <message>
        <source>Nothing left in the infusion, none destroyed (taken from the register whole when it was set up)</source>
        <translation>Rien ne restait dans la perfusion, rien de détruit (sorti du registre en entier à sa pose)</translation>
    </message>
    <message>
        <source>Controlled-drug register: the infusion was set up with {taken} {unit}; {quantity} {unit} cannot be left in it.</source>
        <translation>Registre des stupéfiants : la perfusion a été posée avec {taken} {unit} ; il ne peut pas en rester {quantity} {unit}.</translation>
    </message>
    <message>
        <source>Controlled-drug register: this dose was charted not given ({reason}): nothing can have been drawn up for it, so nothing of it is destroyed. If the cupboard holds less than the register, count it with a witness (Cupboard count): the difference is written as a discrepancy.</source>
        <translation>Registre des stupéfiants : cette dose a été notée non administrée ({reason}) : rien n’a pu être préparé pour elle, donc rien n’en est détruit. Si l’armoire contient moins que le registre, comptez-la avec un témoin (Comptage de l’armoire) : la différence est notée comme un écart.</translation>
    </message>
    <message>
        <source>Controlled-drug register: what was left in this infusion was recorded destroyed already on {when} by {author}, witnessed by {witness} ({note}).</source>
        <translation>Registre des stupéfiants : le reste de cette perfusion a déjà été enregistré comme détruit le {when} par {author}, témoin {witness} ({note}).</translation>
    </message>
    <message>
        <source>NO DEATH RECORDED (withdrawn): correct the cancellation's reason and rebook</source>
        <translation>AUCUN DÉCÈS ENREGISTRÉ (annulé) : corriger le motif de l’annulation et reprogrammer</translation>
    </message>
    <message>
        <source>DECEASED — awaiting mortuary: {name} ({number}), died {died}</source>
        <translation>DÉCÉDÉ(E) — en attente de la chambre mortuaire : {name} ({number}), décès le {died}</translation>
    </message>
    <message>
        <source>Bed {bed} of ward {ward}: {name} died in it at {since} and the body has not left the ward; choose another bed, or record on the death form when the body left.</source>
        <translation>Le lit {bed} du service {ward} : {name} y est décédé(e) le {since} et le corps n’a pas quitté le service ; choisissez un autre lit, ou indiquez sur la fiche de décès l’heure de départ du corps.</translation>
    </message>
    <message>
        <source>Comfort care ({by}, {time}): observations as agreed, escalate for comfort only</source>
        <translation>Soins de confort ({by}, {time}) : surveillance comme convenu, escalade pour le confort uniquement</translation>
    </message>
    <message>
        <source>Ward-based care, not for ICU ({by}, {time}): tell the medical team as the score asks; no transfer to critical care</source>
        <translation>Soins dans le service, pas de transfert en réanimation ({by}, {time}) : prévenir l’équipe médicale comme le score le demande ; pas de transfert en soins critiques</translation>
    </message>
    <message>
        <source>Observation frequency agreed ({by}, {time})</source>
        <translation>Fréquence de surveillance convenue ({by}, {time})</translation>
    </message>
    <message>
        <source>observations every hour</source>
        <translation>surveillance toutes les heures</translation>
    </message>
    <message>
        <source>observations every 4 hours</source>
        <translation>surveillance toutes les 4 heures</translation>
    </message>
    <message>
        <source>observations every 12 hours</source>
        <translation>surveillance toutes les 12 heures</translation>
    </message>
    <message>
        <source>{field}: only a doctor, or a ward nurse naming the doctor who decided and when, records or changes a resuscitation decision.</source>
        <translation>{field} : seul un médecin, ou un infirmier ou une infirmière nommant le médecin qui a décidé et quand, enregistre ou modifie une décision de réanimation.</translation>
    </message>
    <message>
        <source>“{field}”: answered by amending the record once it is saved, not on a new one.</source>
        <translation>« {field} » : se renseigne en modifiant l’enregistrement une fois celui-ci enregistré, pas sur un nouvel enregistrement.</translation>
    </message>
    <message>
        <source>section {section}: amending, yet requires {fields}</source>
        <translation>section {section} : renseignée par modification, mais exige {fields}</translation>
    </message>
    <message>
        <source>removed the plain text an interrupted encrypted import left in {folder}</source>
        <translation>supprimé le texte en clair qu’une importation chiffrée interrompue avait laissé dans {folder}</translation>
    </message>
    <message>
        <source>doseRange is from {low} {low_unit} to {high} {unit}: give both ends in one unit</source>
        <translation>doseRange va de {low} {low_unit} à {high} {unit} : donnez les deux bornes dans la même unité</translation>
    </message>
    <message>
        <source>dosageInstruction.site (the eye, ear or nostril: left, right or both)</source>
        <translation>dosageInstruction.site (l’œil, l’oreille ou la narine : gauche, droit ou les deux)</translation>
    </message>
    <message>
        <source>dosageInstruction.site {site!r} says neither left, right nor both</source>
        <translation>dosageInstruction.site {site!r} ne dit ni gauche (left), ni droit (right), ni les deux (both)</translation>
    </message>
    <message>
        <source>{medicine}: {dose} mL at the strength written is {micrograms} micrograms in one dose, above the most by this route ({most} micrograms): check the dose, and the strength (micrograms written as mg?).</source>
        <translation>{medicine} : {dose} mL à la concentration indiquée font {micrograms} microgrammes en une prise, au-delà du maximum par cette voie ({most} microgrammes) : vérifiez la dose et la concentration (des microgrammes écrits en mg ?).</translation>
    </message>
    <message>
        <source>“{field}”: not a dose given of an infusion of this patient's.</source>
        <translation>« {field} » : ce n’est pas une dose administrée d’une perfusion de ce patient.</translation>
    </message>
    <message>
        <source>“{field}”: before the bag was put up ({at}).</source>
        <translation>« {field} » : avant la pose de la poche ({at}).</translation>
    </message>
    <message>
        <source>“{field}”: the bag was stopped at {at}; a bag put up since is recorded as a dose of its own.</source>
        <translation>« {field} » : la poche a été arrêtée à {at} ; une poche posée depuis s’enregistre comme une dose à part.</translation>
    </message>
    <message>
        <source>“{field}”: another bag of this order was put up at {at}: change the rate of the bag running then.</source>
        <translation>« {field} » : une autre poche de cette prescription a été posée à {at} : changer le débit de la poche en cours à ce moment-là.</translation>
    </message>
    <message>
        <source>“{field}”: the order was stopped at {at}: only the bag's stop is recorded after it.</source>
        <translation>« {field} » : la prescription a été arrêtée à {at} : seul l’arrêt de la poche s’enregistre après.</translation>
    </message>
    <message>
        <source>“{field}”: the bag's rate is recorded changed after it, at {at}: stop it after that change, or correct the change first.</source>
        <translation>« {field} » : un changement de débit de la poche est enregistré après, à {at} : l’arrêter après ce changement, ou corriger d’abord le changement.</translation>
    </message>
    <message>
        <source>No bag of {drug} is running: record the bag put up as a dose first.</source>
        <translation>Aucune poche de {drug} n’est en cours : enregistrer d’abord la poche posée comme une dose.</translation>
    </message>
    <message>
        <source>{drug} is not an infusion: its doses have no rate to change.</source>
        <translation>{drug} n’est pas une perfusion : ses doses n’ont pas de débit à changer.</translation>
    </message>
    <message>
        <source>→ {rate} mL/h {time}</source>
        <translation>→ {rate} mL/h {time}</translation>
    </message>
    <message>
        <source>→ paused {time}</source>
        <translation>→ en pause {time}</translation>
    </message>
    <message>
        <source>→ stopped {time}</source>
        <translation>→ arrêtée {time}</translation>
    </message>
    <message>
        <source>running at {rate} mL/h since {time}</source>
        <translation>en cours à {rate} mL/h depuis {time}</translation>
    </message>
    <message>
        <source>paused since {time}</source>
        <translation>en pause depuis {time}</translation>
    </message>
    <message>
        <source>should have run out at {time}: record the next syringe or bag, or its stop</source>
        <translation>aurait dû se terminer à {time} : enregistrer la seringue ou la poche suivante, ou son arrêt</translation>
    </message>
    <message>
        <source>should have run out at {time}: neither its stop nor a next syringe or bag recorded</source>
        <translation>aurait dû se terminer à {time} : ni son arrêt ni la seringue ou la poche suivante enregistrés</translation>
    </message>
    <message>
        <source>{drug}: taken down {time}</source>
        <translation>{drug} : retiré(e) {time}</translation>
    </message>
    <message>
        <source>{drug}: no subcutaneous insulin given in the 2 hours before {time}, nor any basal or premixed insulin still acting. If the patient takes insulin at home, ask the doctor to prescribe it, and stop the infusion 30 to 60 minutes after its first dose: stopped without it, a patient who needs insulin is in ketoacidosis within hours. Say what was done in the reason.</source>
        <translation>{drug} : aucune insuline sous-cutanée administrée dans les 2 heures avant {time}, ni aucune insuline basale ou prémélangée encore active. Si le patient prend de l’insuline à domicile, demander au médecin de la prescrire, et arrêter la perfusion 30 à 60 minutes après sa première injection : arrêtée sans elle, un patient qui a besoin d’insuline fait une acidocétose en quelques heures. Dire ce qui a été fait dans le motif.</translation>
    </message>
    <message>
        <source>{drug}: no subcutaneous insulin given, or ordered to be given, in the 2 hours before its stop at {time}, nor any basal or premixed insulin still acting: give the patient's basal insulin, or a meal-time rapid-acting insulin with a meal, before stopping the infusion, and stop it 30 to 60 minutes after (JBDS-IP): stopped without it, a patient who needs insulin is in ketoacidosis within hours.</source>
        <translation>{drug} : aucune insuline sous-cutanée administrée, ni prescrite à administrer, dans les 2 heures avant son arrêt le {time}, ni aucune insuline basale ou prémélangée encore active : administrer l’insuline basale du patient, ou une insuline rapide avec un repas, avant d’arrêter la perfusion, et l’arrêter 30 à 60 minutes après (JBDS-IP) : arrêtée sans elle, un patient qui a besoin d’insuline fait une acidocétose en quelques heures.</translation>
    </message>
    <message>
        <source>Supervisor (student nurse's dose)</source>
        <translation>Infirmier(ère) encadrant(e) (dose d’un(e) étudiant(e))</translation>
    </message>
    <message>
        <source>continuous monitoring, observations at least every hour</source>
        <translation>surveillance continue, au moins toutes les heures</translation>
    </message>
    <message>
        <source>{agreed} as agreed until NEWS2 rose to {score}: now {in_use}, until the doctor reviews the plan</source>
        <translation>{agreed} comme convenu, jusqu’à un NEWS2 monté à {score} : désormais {in_use}, jusqu’à ce que le médecin revoie le plan</translation>
    </message>
    <message>
        <source>{lost}; staff accounts and PINs changed after {time} are as they were then. A patient admitted since keeps the downtime number on their wristband: type it in “Number used on paper”.</source>
        <translation>{lost} ; les comptes du personnel et les codes PIN modifiés après {time} sont tels qu’ils étaient alors. Un patient admis depuis garde le numéro de procédure dégradée de son bracelet : le saisir dans « N° utilisé sur papier ».</translation>
    </message>
    <message>
        <source>Records saved after {time} are not in it: re-type them from paper</source>
        <translation>Ce qui a été enregistré après {time} n’y est pas : le ressaisir depuis le papier</translation>
    </message>
    <message>
        <source>Records saved after {time} are not in it, but those saved up to {exported} went on the stick exported then: do not re-type them; re-type from paper only what was saved after {exported}</source>
        <translation>Ce qui a été enregistré après {time} n’y est pas, mais ce qui a été enregistré jusqu’à {exported} est sur la clé exportée à cette heure : ne pas le ressaisir ; ne ressaisir depuis le papier que ce qui a été enregistré après {exported}</translation>
    </message>
    <message>
        <source>Records saved after {time} are not in it: re-type from paper only what was saved after this laptop's last export (its stick holds what was saved until then), or after {time} if it was not exported since</source>
        <translation>Ce qui a été enregistré après {time} n’y est pas : ne ressaisir depuis le papier que ce qui a été enregistré après le dernier export de ce portable (sa clé contient ce qui avait été enregistré jusque-là), ou après {time} s’il n’a pas été exporté depuis</translation>
    </message>
    <message>
        <source>RESTORED FROM A BACKUP: {laptop} was restored on {restored} by {who} from a backup of {made}, older than its export of {exported}, which holds what was typed until then: records typed on it between {exported} and {restored} were lost unless typed again from paper; check that laptop's paper forms of that time against the records merged (the manifest's restores)</source>
        <translation>RESTAURÉ DEPUIS UNE SAUVEGARDE : {laptop} a été restauré le {restored} par {who} depuis une sauvegarde du {made}, antérieure à son export du {exported}, qui contient ce qui avait été saisi jusque-là : les enregistrements saisis dessus entre {exported} et {restored} sont perdus s’ils n’ont pas été ressaisis depuis le papier ; comparez les formulaires papier de ce portable pour cette période aux enregistrements fusionnés (restores du manifeste)</translation>
    </message>
    <message>
        <source>the damaged database this backup replaces, its .keys file beside it: they say the laptop's last export, whose stick holds what was saved until then, and the downtime numbers given</source>
        <translation>la base endommagée que cette sauvegarde remplace, son fichier .keys à côté : ils indiquent le dernier export du portable, dont la clé contient ce qui avait été enregistré jusque-là, et les numéros de procédure dégradée donnés</translation>
    </message>
    <message>
        <source>Recorded: version {version} is in the EHR. The record now stands at version {standing}: its line says what to correct or withdraw there.</source>
        <translation>Enregistré : la version {version} est dans le DPI. L’enregistrement en est maintenant à la version {standing} : sa ligne dit quoi corriger ou retirer dans le DPI.</translation>
    </message>
    <message>
        <source>Version {ticked} of this record is marked as entered in the EHR already, and it now stands at version {standing}: its line says what to correct or withdraw there.</source>
        <translation>La version {ticked} de cet enregistrement est déjà marquée saisie dans le DPI, et il en est maintenant à la version {standing} : sa ligne dit quoi corriger ou retirer dans le DPI.</translation>
    </message>
    <message>
        <source>Its line now says: {to_do}</source>
        <translation>Sa ligne dit maintenant : {to_do}</translation>
    </message>
    <message>
        <source>version {version} is in the EHR ({reference}): once settled, correct it there</source>
        <translation>la version {version} est dans le DPI ({reference}) : une fois tranché, la corriger dans le DPI</translation>
    </message>
    <message>
        <source>version {version} is in the EHR (loaded from its snapshot): once settled, correct it there</source>
        <translation>la version {version} est dans le DPI (chargée depuis son instantané) : une fois tranché, la corriger dans le DPI</translation>
    </message>
    <message>
        <source>{laptop}: {sticks} — {records} record(s): {entered} entered in the EHR, {not_entered} not to be entered, {on_hold} on hold</source>
        <translation>{laptop} : {sticks} — {records} enregistrement(s) : {entered} saisi(s) dans le DPI, {not_entered} à ne pas saisir, {on_hold} en attente</translation>
    </message>
    <message>
        <source>{count} stick(s), the latest exported {time}</source>
        <translation>{count} clé(s), la dernière exportée le {time}</translation>
    </message>
    <message>
        <source>no stick imported here</source>
        <translation>aucune clé importée ici</translation>
    </message>
    <message>
        <source>--damaged {path}: no such file (give the damaged database the backup replaces, its .keys file beside it)</source>
        <translation>--damaged {path} : fichier introuvable (donnez la base endommagée que la sauvegarde remplace, son fichier .keys à côté)</translation>
    </message>
    <message>
        <source>Benzylpenicillin</source>
        <translation>Benzylpénicilline</translation>
    </message>
    <message>
        <source>dosageInstruction.text (the rule a variable dose is given by)</source>
        <translation>dosageInstruction.text (la règle selon laquelle la dose variable est donnée)</translation>
    </message>
    <message>
        <source>“{field}” is before the DNACPR it lifts was decided ({time}).</source>
        <translation>« {field} » est antérieur à la décision de non-RCP qu’elle lève ({time}).</translation>
    </message>
    <message>
        <source>the wards' key is not an age secret key (it starts with AGE-SECRET-KEY-1…)</source>
        <translation>la clé des services n’est pas une clé secrète age (elle commence par AGE-SECRET-KEY-1…)</translation>
    </message>
    <message>
        <source>this laptop's wards' key</source>
        <translation>la clé des services de ce portable</translation>
    </message>
    <message>
        <source>{path} was made for the records office alone, which only its key opens: ask the ward that made it for a stick made for another ward (Export for back-entry, “For a patient moved to another ward”), which this laptop reads. Never bring the records office's key to a ward laptop.</source>
        <translation>{path} a été faite pour le bureau des entrées seul, que seule sa clé ouvre : demandez au service qui l’a faite une clé USB faite pour un autre service (Export pour la ressaisie, « Pour un patient transféré dans un autre service »), que ce portable lit. N’apportez jamais la clé du bureau des entrées sur un portable de service.</translation>
    </message>
    <message>
        <source>{path} is an encrypted export: give the records office's key file to read it (downtime import {path} --identity KEYFILE). On a ward's laptop, never: ask the ward that made it for a stick made for another ward, which a ward's laptop reads.</source>
        <translation>{path} est un export chiffré : donnez le fichier de clé du bureau des entrées pour le lire (downtime import {path} --identity KEYFILE). Sur le portable d’un service, jamais : demandez au service qui l’a fait une clé USB faite pour un autre service, que le portable d’un service lit.</translation>
    </message>
    <message>
        <source>{folder} also holds {count} export(s), not imported with the snapshot: import each of them: {exports}</source>
        <translation>{folder} contient aussi {count} export(s), non importé(s) avec l’instantané : importez chacun d’eux : {exports}</translation>
    </message>
    <message>
        <source>{folder} is not an export but holds {count} export(s): import each of them instead: {exports}</source>
        <translation>{folder} n’est pas un export mais contient {count} export(s) : importez plutôt chacun d’eux : {exports}</translation>
    </message>
    <message>
        <source>{path} is an encrypted export, and this laptop has no wards' key to read a stick made for another ward: IT loads the hospital's set-up file on it (Administration ▸ This laptop). Never bring the records office's key to a ward laptop.</source>
        <translation>{path} est un export chiffré, et ce portable n’a pas de clé des services pour lire une clé USB faite pour un autre service : l’informatique y charge le fichier de configuration de l’hôpital (Administration ▸ Ce portable). N’apportez jamais la clé du bureau des entrées sur un portable de service.</translation>
    </message>
    <message>
        <source>Bed {bed} of ward {ward} holds {patients} by the census here: the import brought {moved}'s move into it. Check who is in the bed and record where the other went; if they are one person admitted twice, tell the records office.</source>
        <translation>Le lit {bed} du service {ward} accueille {patients} d’après le recensement d’ici : l’import a apporté le transfert de {moved} dans ce lit. Vérifiez qui est dans le lit et enregistrez où est allé l’autre ; s’il s’agit d’une seule personne admise deux fois, prévenez le bureau des entrées.</translation>
    </message>
    <message>
        <source>{patient}: {record}, recorded on this laptop by {by}, was given on {laptop} too by {author} ({given}): the dose may have been given twice. Check the patient now and tell the prescriber.</source>
        <translation>{patient} : {record}, enregistrée sur ce portable par {by}, a aussi été administrée sur {laptop} par {author} ({given}) : la dose a peut-être été donnée deux fois. Examinez le patient maintenant et prévenez le prescripteur.</translation>
    </message>
    <message>
        <source>{patient}: {record}, recorded on this laptop by {by}, and a dose of the same order given on {laptop} by {author} ({given}) are {minutes} min apart (ordered at least {hours} h apart): check the patient now and tell the prescriber.</source>
        <translation>{patient} : {record}, enregistrée sur ce portable par {by}, et une dose de la même prescription administrée sur {laptop} par {author} ({given}) sont à {minutes} min d’écart (au moins {hours} h prescrites entre deux) : examinez le patient maintenant et prévenez le prescripteur.</translation>
    </message>
    <message>
        <source>{patient}: {record}, recorded on this laptop by {by}, was given after its order was stopped at {stopped} on {laptop} by {author}: check the patient now and ask the prescriber.</source>
        <translation>{patient} : {record}, enregistrée sur ce portable par {by}, a été administrée après l’arrêt de sa prescription à {stopped} sur {laptop} par {author} : examinez le patient maintenant et demandez au prescripteur.</translation>
    </message>
    <message>
        <source>Not exported: this laptop has no wards' key, which a stick for another ward is encrypted to. IT loads the hospital's set-up file on it (Administration ▸ This laptop).</source>
        <translation>Non exporté : ce portable n’a pas de clé des services, à laquelle une clé USB pour un autre service est chiffrée. L’informatique y charge le fichier de configuration de l’hôpital (Administration ▸ Ce portable).</translation>
    </message>
    <message>
        <source>the wards' key, to read the sticks other wards make for a patient moved here: taken from the file</source>
        <translation>la clé des services, pour lire les clés USB que les autres services font pour un patient transféré ici : reprise du fichier</translation>
    </message>
    <message>
        <source>the wards' key, to read the sticks other wards make for a patient moved here: this laptop's is replaced by the file's (a stick made for another ward with the one replaced no longer opens here)</source>
        <translation>la clé des services, pour lire les clés USB que les autres services font pour un patient transféré ici : celle de ce portable est remplacée par celle du fichier (une clé USB faite pour un autre service avec la clé remplacée ne s’ouvre plus ici)</translation>
    </message>
    <message>
        <source>made for another ward: the receiving ward's laptop imports it with its wards' key (Ward ▸ Import data…); the records office gets this laptop's records from its own exports</source>
        <translation>faite pour un autre service : le portable du service qui reçoit le patient l’importe avec sa clé des services (Service ▸ Importer des données…) ; le bureau des entrées reçoit les dossiers de ce portable par ses propres exports</translation>
    </message>
    <message>
        <source>the stick to go with a patient moved to a ward on another laptop: whole, encrypted to the wards' key too (from the set-up file), which that ward's laptop reads it with; not an export for the records office</source>
        <translation>la clé USB qui accompagne un patient transféré dans un service d’un autre portable : complète, chiffrée aussi à la clé des services (du fichier de configuration), avec laquelle le portable de ce service la lit ; ce n’est pas un export pour le bureau des entrées</translation>
    </message>
    <message>
        <source>wards-key takes only 'new': a new wards' key, when a set-up file was lost; then save the set-up file and load it on every laptop</source>
        <translation>wards-key ne prend que 'new' : une nouvelle clé des services, quand un fichier de configuration a été perdu ; enregistrez ensuite le fichier de configuration et chargez-le sur chaque portable</translation>
    </message>
    <message>
        <source>a new wards' key is set on this laptop: save the set-up file ('downtime setup-file save') and load it on every laptop; sticks made for another ward with the old key no longer open on a laptop that loaded it</source>
        <translation>une nouvelle clé des services est réglée sur ce portable : enregistrez le fichier de configuration ('downtime setup-file save') et chargez-le sur chaque portable ; les clés USB faites pour un autre service avec l’ancienne clé ne s’ouvrent plus sur un portable qui l’a chargé</translation>
    </message>
    <message>
        <source>“{field}”: “{typed}” names no allergy. Choose “{answer}” in “{status}” instead.</source>
        <translation>« {field} » : « {typed} » ne nomme aucune allergie. Choisissez plutôt « {answer} » dans « {status} ».</translation>
    </message>
    <message>
        <source>{where}: the allergy “{substance}”: {field} is longer than the admission keeps ({limit} characters): loaded cut, ending “…”. Read it whole in the EHR's copy.</source>
        <translation>{where} : l’allergie « {substance} » : {field} est plus long que ce que garde l’admission ({limit} caractères) : chargé coupé, finissant par « … ». Le lire en entier dans la copie du DPI.</translation>
    </message>
    <message>
        <source>{where}: {count} allergies, more than the admission keeps ({limit}): the most severe loaded, left out: {left}. Read them in the EHR's copy and tell the ward.</source>
        <translation>{where} : {count} allergies, plus que ce que garde l’admission ({limit}) : les plus graves chargées, laissées de côté : {left}. Les lire dans la copie du DPI et prévenir le service.</translation>
    </message>
    <message>
        <source>{where}: “{substance}” names no allergy (no known allergies, or not known yet): not loaded as one. The patient's allergy status is the snapshot's own; ask the ward to check it with them.</source>
        <translation>{where} : « {substance} » ne nomme aucune allergie (aucune allergie connue, ou inconnu pour l’instant) : non chargé comme allergie. Le statut allergique du patient est celui de l’extraction ; demandez au service de le vérifier avec lui.</translation>
    </message>
    <message>
        <source>First number: 1 to {limit}, the one after the highest this device number gave at the last outage.</source>
        <translation>Premier numéro : 1 à {limit}, celui qui suit le plus haut que ce numéro d’appareil a donné lors de la dernière panne.</translation>
    </message>
    <message>
        <source>downtime numbers from sequence {first} (it was {was} here): those before it are earlier outages' patients'</source>
        <translation>numéros de procédure dégradée à partir de la séquence {first} (c’était {was} ici) : ceux d’avant sont aux patients de pannes précédentes</translation>
    </message>
    <message>
        <source>This session has no database file to retire.</source>
        <translation>Cette session n’a pas de fichier de base de données à retirer.</translation>
    </message>
    <message>
        <source>Not retired: this laptop is device {number} ({name}), not {typed}.</source>
        <translation>Non retiré : ce portable est l’appareil {number} ({name}), pas {typed}.</translation>
    </message>
    <message>
        <source>Not retired: this laptop never exported, and holds {count} record version(s) and {lines} controlled-drug register line(s) no stick took to the records office: export them first (Export for back-entry).</source>
        <translation>Non retiré : ce portable n’a jamais exporté, et contient {count} version(s) d’enregistrement et {lines} ligne(s) du registre des stupéfiants qu’aucune clé USB n’a portées au bureau des entrées : exportez-les d’abord (Exporter pour la ressaisie).</translation>
    </message>
    <message>
        <source>Not retired: {count} record version(s) and {lines} controlled-drug register line(s) were written after the last export ({time}) and are on no stick: export again first (Export for back-entry, only what changed since the last).</source>
        <translation>Non retiré : {count} version(s) d’enregistrement et {lines} ligne(s) du registre des stupéfiants ont été écrites après le dernier export ({time}) et ne sont sur aucune clé USB : exportez à nouveau d’abord (Exporter pour la ressaisie, seulement ce qui a changé depuis le dernier).</translation>
    </message>
    <message>
        <source>Not retired: {count} form(s) typed and not saved, by {who}: each is saved or discarded by its author, or set aside by the nurse in charge, first (no export holds a draft).</source>
        <translation>Non retiré : {count} formulaire(s) saisi(s) et non enregistré(s), par {who} : chacun est d’abord enregistré ou abandonné par son auteur, ou mis de côté par l’infirmière responsable (aucun export ne contient un brouillon).</translation>
    </message>
    <message>
        <source>Not retired: its archive is encrypted to the records office's key, and none is set on this laptop ('downtime set export-key') nor given (--encrypt-to).</source>
        <translation>Non retiré : son archive est chiffrée avec la clé du bureau des entrées, et aucune n’est définie sur ce portable (« downtime set export-key ») ni donnée (--encrypt-to).</translation>
    </message>
    <message>
        <source>Not retired: the backups folder {folder} is not there (is the USB stick plugged in?): its backups are removed too, and each opens with any PIN valid when it was made.</source>
        <translation>Non retiré : le dossier des sauvegardes {folder} est absent (la clé USB est-elle branchée ?) : ses sauvegardes sont supprimées aussi, et chacune s’ouvre avec tout code PIN valide quand elle a été faite.</translation>
    </message>
    <message>
        <source>archived {count} record version(s) to {folder}, every file encrypted (.age): keep it with the hospital's records</source>
        <translation>{count} version(s) d’enregistrement archivée(s) dans {folder}, chaque fichier chiffré (.age) : conservez-la avec les archives de l’hôpital</translation>
    </message>
    <message>
        <source>removed {file}</source>
        <translation>supprimé : {file}</translation>
    </message>
    <message>
        <source>Retired. At the next outage, set device {number} up with --first-number {first}: the numbers before it are on earlier patients' wristbands.</source>
        <translation>Retiré. À la prochaine panne, configurez l’appareil {number} avec --first-number {first} : les numéros d’avant sont sur les bracelets de patients précédents.</translation>
    </message>
    <message>
        <source>the sequence of its first patient's downtime number, 1 to {most} (default 1): at a later outage, the one after the highest this device number gave before, as 'downtime retire' said it, so that no number on an earlier patient's wristband is given again</source>
        <translation>la séquence du numéro de procédure dégradée de son premier patient, 1 à {most} (1 par défaut) : lors d’une panne ultérieure, celle qui suit la plus haute que ce numéro d’appareil a donnée, comme « downtime retire » l’a dit, pour qu’aucun numéro du bracelet d’un patient précédent ne soit redonné</translation>
    </message>
    <message>
        <source>at the end of the outage, once everything is exported: archive the laptop (a whole export, encrypted) and remove its database, key slots, backups and prints (administrator only)</source>
        <translation>à la fin de la panne, une fois tout exporté : archiver le portable (un export complet, chiffré) et supprimer sa base, ses emplacements de clé, ses sauvegardes et ses impressions (administrateur seulement)</translation>
    </message>
    <message>
        <source>a new folder for the archive (e.g. on the records office's stick)</source>
        <translation>un nouveau dossier pour l’archive (p. ex. sur la clé USB du bureau des entrées)</translation>
    </message>
    <message>
        <source>this laptop's device number (1-{most}), typed again: the database of no other laptop is removed</source>
        <translation>le numéro d’appareil de ce portable (1-{most}), saisi à nouveau : la base d’aucun autre portable n’est supprimée</translation>
    </message>
    <message>
        <source>encrypt the archive to this public key (age1…) or the keys in this file too; repeatable (the records office's key set with 'set export-key' always)</source>
        <translation>chiffrer aussi l’archive avec cette clé publique (age1…) ou les clés de ce fichier ; répétable (la clé du bureau des entrées définie avec « set export-key » toujours)</translation>
    </message>
    <message>
        <source>{drug}: {dose} units in one dose is more than an insulin syringe holds ({most} units), where a tenfold slip (4 units written 40, “U” read as 0) is likelier than a dose (NPSA/2010/RRR013): check it. If it is meant, give the reason in “{field}”.</source>
        <translation>{drug} : {dose} unités en une dose, c’est plus que ne contient une seringue à insuline ({most} unités) ; une erreur d’un facteur dix (4 unités écrites 40, « U » lu comme un 0) est plus probable qu’une telle dose (NPSA/2010/RRR013) : la vérifier. Si elle est voulue, en donner le motif dans « {field} ».</translation>
    </message>
    <message>
        <source>{drug}: {dose} units in one dose is {times} times the patient's previous order of it ({previous} units), where a tenfold slip is likelier than a change of dose: check it. If it is meant, give the reason in “{field}”.</source>
        <translation>{drug} : {dose} unités en une dose, c’est {times} fois la prescription précédente de cette insuline pour ce patient ({previous} unités) ; une erreur d’un facteur dix est plus probable qu’un changement de dose : la vérifier. Si elle est voulue, en donner le motif dans « {field} ».</translation>
    </message>
    <message>
        <source>{drug}: {dose} units in one dose is a fifth or less of the patient's previous order of it ({previous} units), where a tenfold slip is likelier than a change of dose: check it. If it is meant, give the reason in “{field}”.</source>
        <translation>{drug} : {dose} unités en une dose, c’est un cinquième ou moins de la prescription précédente de cette insuline pour ce patient ({previous} unités) ; une erreur d’un facteur dix est plus probable qu’un changement de dose : la vérifier. Si elle est voulue, en donner le motif dans « {field} ».</translation>
    </message>
    <message>
        <source>{drug}: the measured value “{typed}” differs from the latest charted capillary glucose, {reading} at {time}: check which is the patient's before giving insulin by its rule.</source>
        <translation>{drug} : la valeur mesurée « {typed} » diffère de la dernière glycémie capillaire notée, {reading} le {time} : vérifier laquelle est celle du patient avant de donner l’insuline selon sa règle.</translation>
    </message>
    <message>
        <source>ON INSULIN: {drugs}</source>
        <translation>SOUS INSULINE : {drugs}</translation>
    </message>
    <message>
        <source>ON INSULIN: put first on the list</source>
        <translation>SOUS INSULINE : à passer en premier</translation>
    </message>
    <message>
        <source>NOT RECORDED HERE — the patient was on ward {ward} from {start} to {end}, charted on another laptop: doses due then may have been given there. Check that ward's chart (or load its stick) before giving anything due, and enter its doses here (at the time they were given).</source>
        <translation>NON TRACÉ ICI — le patient était dans le service {ward} de {start} à {end}, suivi sur un autre portable : des doses prévues pendant ce temps y ont peut-être été données. Vérifiez le plan d’administration de ce service (ou chargez sa clé USB) avant de donner quoi que ce soit, et saisissez ici ses doses (à l’heure où elles ont été données).</translation>
    </message>
    <message>
        <source>NOT RECORDED HERE — the patient was on ward {ward} from {start} to {end}, charted on another laptop: {drug} may have been given there. Check that ward's chart (or load its stick) before giving it.</source>
        <translation>NON TRACÉ ICI — le patient était dans le service {ward} du {start} au {end}, suivi sur un autre portable : {drug} y a peut-être été donné. Vérifiez le plan d’administration de ce service (ou chargez sa clé USB) avant de le donner.</translation>
    </message>
    <message>
        <source>a move to the same ward and bed at {at} was also recorded on {laptop} by {author}, {time}: ask the ward whether it is one move recorded twice before entering both</source>
        <translation>un mouvement vers le même service et le même lit le {at} a aussi été tracé sur {laptop} par {author}, {time} : demander au service s’il s’agit d’un seul mouvement tracé deux fois avant de saisir les deux</translation>
    </message>
    <message>
        <source>{line} — next allowed from {when}</source>
        <translation>{line} — prochaine dose possible à partir du {when}</translation>
    </message>
    <message>
        <source>{medicine} is written in millions of units (MUI), which the order form cannot hold: write its dose in mg, 1 million units of {salt} being {mg} mg ({source}).</source>
        <translation>{medicine} s’écrit en millions d’unités (MUI), que la prescription ne peut pas contenir : écrivez sa dose en mg, 1 million d’unités de {salt} valant {mg} mg ({source}).</translation>
    </message>
    <message>
        <source>benzylpenicillin sodium</source>
        <translation>benzylpénicilline sodique</translation>
    </message>
    <message>
        <source>benzathine benzylpenicillin</source>
        <translation>benzathine benzylpénicilline</translation>
    </message>
    <message>
        <source>Benzathine benzylpenicillin</source>
        <translation>Benzathine benzylpénicilline</translation>
    </message>
    <message>
        <source>“{field}” is before the DNACPR lifted at {time} it follows.</source>
        <translation>« {field} » est antérieur à la levée de la précédente décision de non-RCP ({time}).</translation>
    </message>
    <message>
        <source>“{field}”: this change lifts no DNACPR (the status was not DNACPR, or stays so); leave it as it was.</source>
        <translation>« {field} » : cette modification ne lève aucune décision de non-RCP (il n’y en avait pas, ou elle demeure) ; laissez ce champ tel qu’il était.</translation>
    </message>
    <message>
        <source>{words} ({reading})</source>
        <translation>{words} ({reading})</translation>
    </message>
    <message>
        <source>bag of {time}: {running}</source>
        <translation>poche du {time} : {running}</translation>
    </message>
    <message>
        <source>{running} — order stopped {time}: stop the bag</source>
        <translation>{running} — prescription arrêtée à {time} : arrêter la poche</translation>
    </message>
    <message>
        <source>“{field}”: {rate} mL/h is over {times} times the prescribed {ordered} mL/h: check it, and say why in “{why}”.</source>
        <translation>« {field} » : {rate} mL/h dépasse {times} fois le débit prescrit de {ordered} mL/h : le vérifier, et dire pourquoi dans « {why} ».</translation>
    </message>
    <message>
        <source>{line} — {running}</source>
        <translation>{line} — {running}</translation>
    </message>
    <message>
        <source>“{field}”: unit {unit} ended with a reaction on {time} that the doctor or the blood bank is not yet told of: do not start another unit before the doctor has seen the patient; record on its end who was told.</source>
        <translation>« {field} » : le produit {unit} s’est terminé par une réaction le {time} dont le médecin ou l’hémovigilance n’est pas encore prévenu : ne pas poser d’autre produit avant que le médecin ait vu le patient ; noter sur sa fin qui a été prévenu.</translation>
    </message>
    <message>
        <source>“{field}”: the prescription was written at {time}, after this start: check the time, or name none (given on a paper prescription).</source>
        <translation>« {field} » : la prescription a été rédigée le {time}, après cette pose : vérifier l’heure, ou n’en désigner aucune (produit posé sur une prescription papier).</translation>
    </message>
    <message>
        <source>“{field}”: read off the unit's label at every bedside check: a unit past it is not started.</source>
        <translation>« {field} » : lue sur l’étiquette du produit à chaque contrôle au lit du patient : un produit périmé n’est pas posé.</translation>
    </message>
    <message>
        <source>… and {count} more: see the “{chart}” records</source>
        <translation>… et {count} de plus : voir les fiches « {chart} »</translation>
    </message>
    <message>
        <source>{operation}, {when}, {theatre}</source>
        <translation>{operation}, {when}, {theatre}</translation>
    </message>
    <message>
        <source>Booked: {operation}: tell the patient when to come back, or tell the surgical coordinator to cancel</source>
        <translation>Intervention programmée : {operation} : dire au patient quand revenir, ou demander au coordinateur du bloc de l’annuler</translation>
    </message>
    <message>
        <source>INFUSION RUNNING: {drug}, {running}: record its stop, or take it down</source>
        <translation>PERFUSION EN COURS : {drug}, {running} : noter son arrêt, ou la retirer</translation>
    </message>
    <message>
        <source>CHANGED SINCE PRINTED {time} ({theatre})</source>
        <translation>MODIFIÉ DEPUIS L’IMPRESSION DE {time} ({theatre})</translation>
    </message>
    <message>
        <source>The list for {day} was printed at {time} ({theatre}): print it again and replace the copy in theatre.</source>
        <translation>Le programme du {day} a été imprimé à {time} ({theatre}) : le réimprimer et remplacer l’exemplaire du bloc.</translation>
    </message>
    <message>
        <source>Day case</source>
        <translation>Ambulatoire</translation>
    </message>
    <message>
        <source>In-patient</source>
        <translation>Hospitalisation complète</translation>
    </message>
    <message>
        <source>Equipment: {equipment}</source>
        <translation>Matériel : {equipment}</translation>
    </message>
    <message>
        <source>CANCER 2-WEEK WAIT</source>
        <translation>CANCER DÉLAI 2 SEMAINES</translation>
    </message>
    <message>
        <source>CANCER 31-DAY</source>
        <translation>CANCER 31 JOURS</translation>
    </message>
    <message>
        <source>CANCER 62-DAY</source>
        <translation>CANCER 62 JOURS</translation>
    </message>
    <message>
        <source>Controlled-drug register: the quantity supplied must be above zero.</source>
        <translation>Registre des stupéfiants : la quantité remise doit être supérieure à zéro.</translation>
    </message>
    <message>
        <source>Controlled-drug register: choose the patient it is supplied to, on ward {ward} or discharged from it.</source>
        <translation>Registre des stupéfiants : choisissez le patient à qui il est remis, dans le service {ward} ou sorti de ce service.</translation>
    </message>
    <message>
        <source>Controlled-drug register: ward {ward} holds {balance} {unit} of {drug}; {quantity} {unit} cannot be supplied from it.</source>
        <translation>Registre des stupéfiants : le service {ward} détient {balance} {unit} de {drug} ; {quantity} {unit} ne peuvent pas en être remis.</translation>
    </message>
    <message>
        <source>stock supplied to a patient to take home (on the ward, or discharged from it), witnessed</source>
        <translation>stock remis à un patient pour sa sortie (dans le service, ou sorti de ce service), avec témoin</translation>
    </message>
    <message>
        <source>a note for the register, e.g. '7 days, as prescribed'</source>
        <translation>une note pour le registre, p. ex. « 7 jours, selon la prescription »</translation>
    </message>
    <message>
        <source>how much was supplied, above 0 and at most the register's balance</source>
        <translation>la quantité remise, au-dessus de 0 et au plus le solde du registre</translation>
    </message>
    <message>
        <source>Not retired: the backups folder {folder} went while the archive was made (the USB stick pulled?), and its backups open with any PIN valid when each was made. Nothing was removed: plug the stick back in and retire again.</source>
        <translation>Non retiré : le dossier des sauvegardes {folder} a disparu pendant que l’archive était faite (la clé USB retirée ?), et chacune de ses sauvegardes s’ouvre avec tout code PIN valide quand elle a été faite. Rien n’a été supprimé : rebranchez la clé et retirez à nouveau.</translation>
    </message>
    <message>
        <source>Retiring stopped at {where}: {problem}. Removed: {removed}. Still there: {left}. {database}</source>
        <translation>Retrait interrompu sur {where} : {problem}. Supprimés : {removed}. Encore présents : {left}. {database}</translation>
    </message>
    <message>
        <source>The laptop's database is still there: fix the disk (or plug the stick back in) and retire again.</source>
        <translation>La base du portable est toujours là : réparez le disque (ou rebranchez la clé) et retirez à nouveau.</translation>
    </message>
    <message>
        <source>The laptop's database is gone: remove what is still there by hand.</source>
        <translation>La base du portable est supprimée : supprimez à la main ce qui reste.</translation>
    </message>
    <message>
        <source>“{field}”: a second check is signed with the checker's PIN as the rate is recorded, and stands for that rate only: mark this change entered in error with the reason, and record it again with its check.</source>
        <translation>« {field} » : un double contrôle se signe avec le code PIN du vérificateur à l'enregistrement du débit, et ne vaut que pour ce débit : marquer ce changement saisi par erreur avec le motif, puis l'enregistrer de nouveau avec son contrôle.</translation>
    </message>
    <message>
        <source>Or extend the {starts}–{ends} list of theatre {theatre} to {end} (amend the theatre session's end) and book it from {time}.</source>
        <translation>Ou prolonger la vacation {starts}–{ends} de la salle {theatre} jusqu’à {end} (modifier la fin de la vacation) et la programmer à partir de {time}.</translation>
    </message>
    <message>
        <source>“{field}”: “{typed}” reads as {name}, who records this start: the second checker is another member of staff, who checks the unit and the patient too; name them in full.</source>
        <translation>« {field} » : « {typed} » se lit comme {name}, qui saisit cette pose : le second contrôleur est un autre soignant, qui vérifie lui aussi le produit et le patient ; l’écrire en entier, prénom et nom.</translation>
    </message>
    <message>
        <source>“{field}”: 0 {unit} is no dose given. When its rule gives none at the reading, record the dose not given, “{reason}”, with the reading.</source>
        <translation>« {field} » : 0 {unit} n’est pas une dose administrée. Quand la règle n’en donne aucune pour la valeur mesurée, tracer la dose non administrée, « {reason} », avec la valeur.</translation>
    </message>
    <message>
        <source>“{field}”: “{reason}” is only for a variable-dose order, whose rule may give none; this order has no rule.</source>
        <translation>« {field} » : « {reason} » ne vaut que pour une prescription à dose variable, dont la règle peut n’en donner aucune ; cette prescription n’a pas de règle.</translation>
    </message>
    <message>
        <source>{kg} kg</source>
        <translation>{kg} kg</translation>
    </message>
    <message>
        <source>{kg} kg adjusted body weight, the actual {actual} kg being over 120 % of the ideal {ideal} kg</source>
        <translation>{kg} kg de poids ajusté, le poids réel de {actual} kg dépassant 120 % du poids idéal de {ideal} kg</translation>
    </message>
    <message>
        <source>{kg} kg actual weight, no height being recorded to work out the ideal weight</source>
        <translation>{kg} kg de poids réel, aucune taille n’étant notée pour calculer le poids idéal</translation>
    </message>
    <message>
        <source>Vancomycin</source>
        <translation>Vancomycine</translation>
    </message>
    <message>
        <source>{medicine}: {dose} mg in one dose is above the most for one dose ({most} mg for {weight}, {per_kg} mg/kg).</source>
        <translation>{medicine} : {dose} mg en une prise dépasse le maximum par prise ({most} mg pour {weight}, {per_kg} mg/kg).</translation>
    </message>
    <message>
        <source>{medicine}: as ordered, up to {amount} mg in 24 h ({orders}); at most {most} mg in 24 h for {weight} ({per_kg} mg/kg).</source>
        <translation>{medicine} : selon la prescription, jusqu’à {amount} mg en 24 h ({orders}) ; au plus {most} mg en 24 h pour {weight} ({per_kg} mg/kg).</translation>
    </message>
    <message>
        <source>{medicine} is dosed by weight, and no weight is recorded this stay: weigh the patient, or give the weight the dose is worked out from (measured, estimated or stated, and when) in “{field}”.</source>
        <translation>{medicine} se dose au poids, et aucun poids n’est enregistré pour ce séjour : peser le patient, ou indiquer dans « {field} » le poids sur lequel la dose est calculée (mesuré, estimé ou déclaré, et quand).</translation>
    </message>
    <message>
        <source>{medicine}: {dose} {unit} in one dose is above the most for one dose ({most} {unit} for {weight}, {per_kg} mg/kg).</source>
        <translation>{medicine} : {dose} {unit} en une prise dépasse le maximum par prise ({most} {unit} pour {weight}, {per_kg} mg/kg).</translation>
    </message>
    <message>
        <source>{medicine}: with this dose, {amount} {unit} within 24 h; at most {most} {unit} in 24 h for {weight} ({per_kg} mg/kg). Counted: {doses}.</source>
        <translation>{medicine} : avec cette dose, {amount} {unit} sur 24 h ; au plus {most} {unit} sur 24 h pour {weight} ({per_kg} mg/kg). Prises comptées : {doses}.</translation>
    </message>
    <message>
        <source>{medicine} is dosed by weight, and no weight is recorded this stay: weigh the patient and check the dose (at most {per_dose} mg/kg a dose, {per_day} mg/kg in 24 h).</source>
        <translation>{medicine} se dose au poids, et aucun poids n’est enregistré pour ce séjour : peser le patient et vérifier la dose (au plus {per_dose} mg/kg par prise, {per_day} mg/kg sur 24 h).</translation>
    </message>
    <message>
        <source>{medicine} is never given under {years} years, and the patient is {age} old: children who turn it into morphine fast have stopped breathing on usual doses (MHRA, ANSM 2013). Do not give it; ask the prescriber for another analgesic.</source>
        <translation>{medicine} n’est jamais donnée avant {years} ans, et le patient a {age} : des enfants qui la transforment vite en morphine ont cessé de respirer à doses usuelles (MHRA, ANSM 2013). Ne pas la donner ; demander au prescripteur un autre antalgique.</translation>
    </message>
    <message>
        <source>{medicine}: at most {most} {unit} in 24 h for {weight} ({per_kg} mg/kg)</source>
        <translation>{medicine} : au plus {most} {unit} sur 24 h pour {weight} ({per_kg} mg/kg)</translation>
    </message>
    <message>
        <source>“{field}” is required: a medicine is decided with {risks} ticked. Say why (kept in the record), or choose another decision.</source>
        <translation>« {field} » est obligatoire : un médicament est décidé avec {risks} coché. Dire pourquoi (gardé dans le dossier), ou choisir une autre décision.</translation>
    </message>
    <message>
        <source>An anticoagulant against the VTE decision of {time}: {decision}. Ask the doctor who decided it before prescribing it.</source>
        <translation>Un anticoagulant contre la décision thromboembolique du {time} : {decision}. Demander au médecin qui l’a prise avant de le prescrire.</translation>
    </message>
    <message>
        <source>{name}, born {born}, {number}, left on {left} ({why}) — allergies: {allergies}</source>
        <translation>{name}, né(e) le {born}, {number}, sorti(e) le {left} ({why}) — allergies : {allergies}</translation>
    </message>
    <message>
        <source>Known here already, probably the same person: {patients}. If it is them, their allergies recorded then stand for this stay too: check them with the patient or their family.</source>
        <translation>Déjà connu ici, probablement la même personne : {patients}. Si c’est bien lui ou elle, les allergies notées alors valent aussi pour ce séjour : vérifiez-les avec le patient ou sa famille.</translation>
    </message>
    <message>
        <source>“{field}”: {name}, {number}, in {place}, was {temporary} until {until}: their samples, labels and paper forms still carry that name; choose another.</source>
        <translation>« {field} » : {name}, {number}, en {place}, était {temporary} jusqu’au {until} : ses prélèvements, étiquettes et feuilles papier portent encore ce nom ; choisissez-en un autre.</translation>
    </message>
    <message>
        <source>identified since as EHR patient {ehr}: merge the provisional file {provisional} into theirs (identity vigilance), never rename it into a second file for them, then mark this version entered</source>
        <translation>identifié depuis comme le patient {ehr} du DPI : fusionnez le dossier provisoire {provisional} dans le sien (identitovigilance), ne le renommez jamais en un second dossier pour lui, puis marquez cette version saisie</translation>
    </message>
    <message>
        <source>link {number} to EHR patient {ehr} first</source>
        <translation>reliez d’abord {number} au patient {ehr} du DPI</translation>
    </message>
    <message>
        <source>merge in the EHR into patient {ehr} (version {version} was entered as provisional file {provisional})</source>
        <translation>à fusionner dans le DPI avec le patient {ehr} (la version {version} a été saisie comme dossier provisoire {provisional})</translation>
    </message>
    <message>
        <source>WRONG PATIENT'S BAND: this dose is for {patient}; the band scanned is {band}. Scan this patient's band, or cancel.</source>
        <translation>BRACELET D’UN AUTRE PATIENT : cette dose est pour {patient} ; le bracelet scanné est celui de {band}. Scannez le bracelet de ce patient, ou annulez.</translation>
    </message>
    <message>
        <source>WRONG PATIENT'S BAND: this dose is for {patient}; the band scanned ({band}) is no patient's on this laptop. Scan this patient's band, or cancel.</source>
        <translation>BRACELET D’UN AUTRE PATIENT : cette dose est pour {patient} ; le bracelet scanné ({band}) n’est celui d’aucun patient de ce portable. Scannez le bracelet de ce patient, ou annulez.</translation>
    </message>
    <message>
        <source>{patient}, bed {bed}</source>
        <translation>{patient}, lit {bed}</translation>
    </message>
    <message>
        <source>“{field}”: {drug} is given {route}: “{reason}” does not stop it. Give it, or, if the doctor holds it, record “{held}” with why.</source>
        <translation>« {field} » : {drug} est administré par voie {route} : « {reason} » ne l’empêche pas. Administrez-le, ou, si le médecin le suspend, tracez « {held} » avec la raison.</translation>
    </message>
    <message>
        <source>{field}: {volume} mL in 24 hours is too little for a patient aged {years} or over or weighing over {kg} kg: at least {least} mL (was a figure left out, 15 for 1500?).</source>
        <translation>{field} : {volume} mL en 24 heures, c’est trop peu pour un patient de {years} ans ou plus ou de plus de {kg} kg : au moins {least} mL (un chiffre oublié, 15 pour 1500 ?).</translation>
    </message>
    <message>
        <source>Antibiotic: a stop more than 14 days after its start is no course's length decided: give its review date, by {latest}, in “{review}” (Start Smart then Focus), or the reason for so long a course in “{reason}”.</source>
        <translation>Antibiotique : un arrêt plus de 14 jours après son début ne décide pas de la durée du traitement : donner sa date de réévaluation, au plus tard le {latest}, dans « {review} » (réévaluation à 48-72 h), ou le motif d’un traitement aussi long dans « {reason} ».</translation>
    </message>
    <message>
        <source>“{drug}” says {named_mg} mg in {named_ml} mL, and “{mg}” and “{ml}” say {strength_mg} mg in {strength_ml} mL: the dose is weighed by the one, and the nurse may take the bottle of the other. Write the strength of the liquid meant in both.</source>
        <translation>« {drug} » indique {named_mg} mg dans {named_ml} mL, et « {mg} » et « {ml} » indiquent {strength_mg} mg dans {strength_ml} mL : la dose est vérifiée selon l’une, et l’infirmière peut prendre le flacon de l’autre. Écrivez dans les deux la concentration du liquide voulu.</translation>
    </message>
    <message>
        <source>“{field}”: {time}, and no IV antibiotic is prescribed for the patient then: have the doctor prescribe it on the medication chart (a telephone order if need be) and chart the dose there, or correct the time.</source>
        <translation>« {field} » : {time}, et aucun antibiotique IV n’est prescrit au patient à cette heure : faire prescrire l’antibiotique par le médecin sur le plan d’administration (prescription téléphonique si besoin) et y tracer la dose, ou corriger l’heure.</translation>
    </message>
    <message>
        <source>{drug}: IV antibiotics are timed on the sepsis screening at {time}, and no dose given then is on the medication chart: if that was this dose, record it given at {time}; do not give it again.</source>
        <translation>{drug} : des antibiotiques IV sont notés sur le dépistage du sepsis le {time}, et aucune dose donnée à cette heure n’est sur le plan d’administration : si c’était cette dose, la tracer administrée le {time} ; ne pas la redonner.</translation>
    </message>
    <message>
        <source>{drug}: LEVEL AWAITED: check it before giving ({timing} level taken {taken}, no result yet).</source>
        <translation>{drug} : DOSAGE ATTENDU : le vérifier avant d’administrer (dosage {timing} prélevé le {taken}, pas encore de résultat).</translation>
    </message>
    <message>
        <source>{drug}: LEVEL ABOVE RANGE ({timing} {result}, {range}): hold and ask the doctor.</source>
        <translation>{drug} : DOSAGE AU-DESSUS DES VALEURS CIBLES ({timing} {result}, {range}) : suspendre et appeler le médecin.</translation>
    </message>
    <message>
        <source>trough</source>
        <translation>résiduel</translation>
    </message>
    <message>
        <source>peak</source>
        <translation>pic</translation>
    </message>
    <message>
        <source>timed</source>
        <translation>à heure fixe</translation>
    </message>
    <message>
        <source>The paper chart says nil by mouth, but {drug} is given {route}: nil by mouth does not stop it, so this dose was missed. Record it as the paper says, with a reason, and tell the prescriber.</source>
        <translation>Le plan d’administration papier indique « à jeun », mais {drug} est administré par voie {route} : le jeûne ne l’empêche pas, cette dose a donc été omise. Tracez-la comme sur le papier, avec un motif, et prévenez le prescripteur.</translation>
    </message>
    <message>
        <source>Antibiotic: review it within 72 hours of its start, or of its typing if later, by {latest} (Start Smart then Focus): write an earlier “{review}”, or the reason for a later review in “{reason}”.</source>
        <translation>Antibiotique : le réévaluer dans les 72 heures suivant son début, ou sa saisie si elle est plus tardive, au plus tard le {latest} (réévaluation à 48-72 h) : écrire une date plus proche dans « {review} », ou le motif d’une réévaluation plus tardive dans « {reason} ».</translation>
    </message>
    <message>
        <source>{rate} mL/h is above {most} mL/kg a day for a neonate of {kg} kg ({limit} mL/h; NICE NG29 neonatal): check the rate against the baby's weight. If it is meant (a bolus, losses replaced), give the reason in “{field}”.</source>
        <translation>{rate} mL/h dépasse {most} mL/kg par jour pour un nouveau-né de {kg} kg ({limit} mL/h ; NICE NG29 néonatal) : vérifiez le débit au regard du poids du bébé. S’il est voulu (remplissage, pertes compensées), donnez-en le motif dans « {field} ».</translation>
    </message>
    <message>
        <source>{path}, line {number}: column record_id is empty</source>
        <translation>{path}, ligne {number} : la colonne record_id est vide</translation>
    </message>
    <message>
        <source>{path}, line {number}: column version holds {value!r}, not a whole number</source>
        <translation>{path}, ligne {number} : la colonne version contient {value!r}, qui n’est pas un nombre entier</translation>
    </message>
    <message>
        <source>{form}: this record was written with version {written} of the form and this laptop has version {here}, which cannot show all its answers: update Downtime on this laptop, or amend it on one that is up to date.</source>
        <translation>{form} : cet enregistrement a été écrit avec la version {written} du formulaire et ce portable a la version {here}, qui ne peut pas afficher toutes ses réponses : mettez Downtime à jour sur ce portable, ou modifiez-le sur un portable à jour.</translation>
    </message>
    <message>
        <source>admitted as {names}</source>
        <translation>admis(e) sous le nom {names}</translation>
    </message>
    <message>
        <source>{name} until {until}</source>
        <translation>{name} jusqu’au {until}</translation>
    </message>
    <message>
        <source>{drug}: the latest capillary glucose, {reading} at {time}, is a hypo not rechecked since: treat it, recheck the glucose and tell the prescriber before giving it (a sulfonylurea's hypo lasts and comes back).</source>
        <translation>{drug} : la dernière glycémie capillaire, {reading} le {time}, est une hypoglycémie non recontrôlée depuis : resucrer le patient, recontrôler la glycémie et prévenir le prescripteur avant de le donner (l’hypoglycémie sous sulfamide hypoglycémiant dure et récidive).</translation>
    </message>
    <message>
        <source>{drug}: the pain chart at {time} says {found}: stop the opioid, call the doctor, naloxone as prescribed.</source>
        <translation>{drug} : la feuille de douleur du {time} indique {found} : arrêter l’opioïde, appeler le médecin, naloxone selon la prescription.</translation>
    </message>
    <message>
        <source>Controlled-drug register: the witness must be a nurse, a doctor or a pharmacist; {name} may not sign the register.</source>
        <translation>Registre des stupéfiants : le témoin doit être un(e) infirmier(ère), un médecin ou un(e) pharmacien(ne) ; {name} ne peut pas signer le registre.</translation>
    </message>
    <message>
        <source>Controlled-drug register: the witness must be a ward nurse, a doctor or a pharmacist; {name} is a {role}.</source>
        <translation>Registre des stupéfiants : le témoin doit être un(e) infirmier(ère) du service, un médecin ou un(e) pharmacien(ne) ; {name} est {role}.</translation>
    </message>
    <message>
        <source>Controlled-drug register: a line of the register is written by a ward nurse or a doctor, its witness the second signature; {name} is a {role}.</source>
        <translation>Registre des stupéfiants : une ligne du registre est écrite par un(e) infirmier(ère) du service ou un médecin, son témoin étant la seconde signature ; {name} est {role}.</translation>
    </message>
    <message>
        <source>{mg} mg each</source>
        <translation>{mg} mg l’unité</translation>
    </message>
    <message>
        <source>{mg} mg/mL</source>
        <translation>{mg} mg/mL</translation>
    </message>
    <message>
        <source>{mg} mg in {ml} mL</source>
        <translation>{mg} mg dans {ml} mL</translation>
    </message>
    <message>
        <source>Controlled-drug register: the page has a count dated {at}, after now: this laptop's clock was put back since, and whether the dose was given before that count cannot be told. Count the cupboard with a witness now (Cupboard count), then chart the dose.</source>
        <translation>Registre des stupéfiants : la page a un comptage daté du {at}, après maintenant : l’horloge de cet ordinateur a été reculée depuis, et on ne peut pas savoir si la dose a été donnée avant ce comptage. Comptez l’armoire avec un témoin maintenant (Comptage de l’armoire), puis enregistrez la dose.</translation>
    </message>
    <message>
        <source>modified release</source>
        <translation>libération prolongée</translation>
    </message>
    <message>
        <source>immediate release</source>
        <translation>libération immédiate</translation>
    </message>
    <message>
        <source>Controlled-drug register: {page} is {page_release} and the order, {drug}, {release}: choose the page of the {release} form, or receive its stock first.</source>
        <translation>Registre des stupéfiants : {page} est à {page_release} et la prescription, {drug}, à {release} : choisissez la page de la forme à {release}, ou enregistrez d’abord sa réception.</translation>
    </message>
    <message>
        <source>Controlled-drug register: {page} is {page_strength} and the order, {drug}, {strength}: choose the page of that strength, or receive its stock first.</source>
        <translation>Registre des stupéfiants : {page} est dosé(e) à {page_strength} et la prescription, {drug}, à {strength} : choisissez la page de ce dosage, ou enregistrez d’abord sa réception.</translation>
    </message>
    <message>
        <source>Controlled-drug register: a dose's line is withdrawn with its dose (entered in error on the chart); a reconciliation or a line marking another entered in error is never struck out.</source>
        <translation>Registre des stupéfiants : la ligne d’une dose est annulée avec sa dose (saisie par erreur sur le dossier) ; une régularisation ou une ligne qui en barre une autre n’est jamais barrée.</translation>
    </message>
    <message>
        <source>Controlled-drug register: say why the line was entered in error.</source>
        <translation>Registre des stupéfiants : dites pourquoi la ligne a été saisie par erreur.</translation>
    </message>
    <message>
        <source>Controlled-drug register: no line {line}.</source>
        <translation>Registre des stupéfiants : aucune ligne {line}.</translation>
    </message>
    <message>
        <source>Controlled-drug register: this line is marked entered in error already.</source>
        <translation>Registre des stupéfiants : cette ligne est déjà marquée saisie par erreur.</translation>
    </message>
    <message>
        <source>Controlled-drug register: ward {ward} holds {balance} {unit} of {drug}; taking the line's {quantity} {unit} back would leave it below zero. Count the cupboard with a witness.</source>
        <translation>Registre des stupéfiants : le service {ward} détient {balance} {unit} de {drug} ; reprendre les {quantity} {unit} de la ligne rendrait le solde négatif. Comptez l’armoire avec un témoin.</translation>
    </message>
    <message>
        <source>--note: why the line was entered in error</source>
        <translation>--note : pourquoi la ligne a été saisie par erreur</translation>
    </message>
    <message>
        <source>mark a line of the register entered in error, witnessed, the line kept (without --line: list the lines it may be)</source>
        <translation>marquer une ligne du registre saisie par erreur, avec un témoin, la ligne conservée (sans --line : liste les lignes qui peuvent l’être)</translation>
    </message>
    <message>
        <source>why the line was entered in error (required with --line)</source>
        <translation>pourquoi la ligne a été saisie par erreur (obligatoire avec --line)</translation>
    </message>
    <message>
        <source>the line's id, as listed without --line</source>
        <translation>l’identifiant de la ligne, tel que listé sans --line</translation>
    </message>
    <message>
        <source>“{field}”: the set at {time} read {changed}, the signs of a moderate or severe reaction: answer Yes, tell the doctor and the blood bank, and record who was told.</source>
        <translation>« {field} » : les constantes de {time} indiquaient {changed}, signes d’une réaction modérée ou sévère : répondre Oui, prévenir le médecin et l’hémovigilance, et noter qui a été prévenu.</translation>
    </message>
    <message>
        <source>“{field}”: the set at {time} read {changed}, a possible reaction: answer Yes and record who was told, or say under Notes why it was none.</source>
        <translation>« {field} » : les constantes de {time} indiquaient {changed}, une réaction possible : répondre Oui et noter qui a été prévenu, ou dire dans Remarques pourquoi ce n’en était pas une.</translation>
    </message>
    <message>
        <source>“{field}”: the unit started at {time}, after this: the doctor is told of its reaction from its start on, while it runs or after its end.</source>
        <translation>« {field} » : le produit a été posé à {time}, après cette heure : le médecin est prévenu d’une réaction à partir de la pose, pendant la transfusion ou après sa fin.</translation>
    </message>
    <message>
        <source>“{field}”: {given} mL given, and {prescribed} mL prescribed for each unit: check the volume, or say under Notes why more was given.</source>
        <translation>« {field} » : {given} mL passés, pour {prescribed} mL prescrits par produit : vérifier le volume, ou dire dans Remarques pourquoi davantage a été passé.</translation>
    </message>
    <message>
        <source>“{field}”: {refusal}. Do not prescribe it; talk it over with the patient and the senior doctor.</source>
        <translation>« {field} » : {refusal}. Ne pas le prescrire ; en parler avec le patient et le médecin senior.</translation>
    </message>
    <message>
        <source>“{field}”: {refusal}. Do not start it; ask the doctor.</source>
        <translation>« {field} » : {refusal}. Ne pas le poser ; appeler le médecin.</translation>
    </message>
    <message>
        <source>A student nurse does not take a critical result, or record a doctor told of one, alone: hand the call or the report to a registered nurse, who records it.</source>
        <translation>Un(e) étudiant(e) infirmier(ère) ne prend pas seul(e) un résultat critique, ni ne note seul(e) le médecin qui en a été prévenu : passer l’appel ou le compte rendu à un(e) infirmier(ère) diplômé(e), qui l’enregistre.</translation>
    </message>
    <message>
        <source>A critical result no doctor is told of yet is withdrawn only by a registered nurse or a doctor: ask one to.</source>
        <translation>Un résultat critique dont aucun médecin n’est encore prévenu n’est annulé que par un(e) infirmier(ère) diplômé(e) ou un médecin : le lui demander.</translation>
    </message>
    <message>
        <source>{medicine} by this route is dosed by weight under {kg} kg, and no weight is recorded this stay: weigh the patient and check the dose (under {kg} kg, at most {per_dose} mg/kg a dose, {per_day} mg/kg in 24 h).</source>
        <translation>{medicine} par cette voie se dose au poids en dessous de {kg} kg, et aucun poids n’est enregistré pour ce séjour : peser le patient et vérifier la dose (en dessous de {kg} kg, au plus {per_dose} mg/kg par prise, {per_day} mg/kg sur 24 h).</translation>
    </message>
    <message>
        <source>{medicine} by this route is dosed by weight under {kg} kg, and no weight is recorded this stay: weigh the patient, or give the weight the dose is worked out from (measured, estimated or stated, and when) in “{field}”.</source>
        <translation>{medicine} par cette voie se dose au poids en dessous de {kg} kg, et aucun poids n’est enregistré pour ce séjour : peser le patient, ou indiquer le poids sur lequel la dose est calculée (mesuré, estimé ou déclaré, et quand) dans « {field} ».</translation>
    </message>
    <message>
        <source>“{field}”: {drug} is a basal or premixed insulin: it is continued when the patient is nil by mouth, often at a reduced dose, as stopping it brings on ketoacidosis (JBDS-IP). Give it as the prescriber says, or ask them; if they hold it, record “{held}” with why.</source>
        <translation>« {field} » : {drug} est une insuline basale ou prémélangée : elle est poursuivie quand le patient est à jeun, souvent à dose réduite, car l’arrêter provoque une acidocétose (JBDS-IP). Administrez-la comme le prescripteur l’indique, ou demandez-lui ; s’il la suspend, tracez « {held} » avec la raison.</translation>
    </message>
    <message>
        <source>SIGN OUT NOT RECORDED (counts)</source>
        <translation>SORTIE DE SALLE NON RENSEIGNÉE (comptes)</translation>
    </message>
    <message>
        <source>{drug} (stopped {when})</source>
        <translation>{drug} (arrêté le {when})</translation>
    </message>
    <message>
        <source>“{field}”: the sign in ({at}) is more than {hours} hours from the operation's slot ({slot}): check its date and time, or say why here.</source>
        <translation>« {field} » : la vérification ({at}) est à plus de {hours} heures du créneau de l’intervention ({slot}) : vérifiez sa date et son heure, ou donnez-en le motif ici.</translation>
    </message>
    <message>
        <source>{drug} is a controlled drug: once it is taken down, destroy what is left in the syringe or bag with a witness, in the controlled drugs register</source>
        <translation>{drug} est un stupéfiant : une fois retiré, détruire le reste de la seringue ou de la poche devant un témoin, dans le registre des stupéfiants</translation>
    </message>
    <message>
        <source>DECEASED — awaiting verification: {name} ({number}), found {died}</source>
        <translation>DÉCÉDÉ(E) — en attente du constat : {name} ({number}), trouvé(e) le {died}</translation>
    </message>
    <message>
        <source>routine observations stopped: no set is due</source>
        <translation>surveillance systématique arrêtée : aucun relevé n’est dû</translation>
    </message>
    <message>
        <source>“{field}”: routine observations are stopped with comfort care only (end of life); choose a frequency for this plan.</source>
        <translation>« {field} » : la surveillance systématique ne s’arrête qu’avec des soins de confort uniquement (fin de vie) ; choisir une fréquence pour ce plan.</translation>
    </message>
    <message>
        <source>This patient is recorded “{status}” on the admission, with no DNACPR decision, and the plan is comfort care only: if a DNACPR was decided, record it on the admission (amend it); otherwise say why CPR stands.</source>
        <translation>Ce patient est noté « {status} » sur l’admission, sans décision de non-RCP, et le plan est des soins de confort uniquement : si une décision de non-RCP a été prise, l’enregistrer sur l’admission (la corriger) ; sinon dire pourquoi la RCP reste indiquée.</translation>
    </message>
    <message>
        <source>{said} Say it in “{field}”.</source>
        <translation>{said} Le dire dans « {field} ».</translation>
    </message>
    <message>
        <source>{plan}; discussed with {who}</source>
        <translation>{plan} ; discuté avec {who}</translation>
    </message>
    <message>
        <source>Controlled-drug register: {dose} {dose_unit} is {quantity} {unit} of {page}, and its page counts whole or half {unit} only: choose the page the dose was taken from.</source>
        <translation>Registre des stupéfiants : {dose} {dose_unit} font {quantity} {unit} de {page}, et sa page ne compte que des {unit} entiers ou des demis : choisissez la page d’où la dose a été prise.</translation>
    </message>
    <message>
        <source>Controlled-drug register: {page} is modified release and the order, {drug}, states none: choose the page only if that is what was given.</source>
        <translation>Registre des stupéfiants : {page} est à libération prolongée et la prescription, {drug}, n’en précise aucune : ne choisissez cette page que si c’est bien ce qui a été administré.</translation>
    </message>
    <message>
        <source>Controlled-drug register: doses charted after this count were reconciled against it, as already out of the cupboard it found: marked entered in error, the register would be wrong by them. Count the cupboard again with a witness (Cupboard count) and say in its note why this count was wrong.</source>
        <translation>Registre des stupéfiants : des doses enregistrées après ce comptage ont été rapprochées de lui, comme déjà sorties de l’armoire qu’il a trouvée : marqué saisi par erreur, le registre serait faux d’autant. Comptez de nouveau l’armoire avec un témoin (Comptage de l’armoire) et dites dans sa note pourquoi ce comptage était faux.</translation>
    </message>
    <message>
        <source>{micrograms} micrograms/hour</source>
        <translation>{micrograms} microgrammes/heure</translation>
    </message>
    <message>
        <source>{micrograms} micrograms each</source>
        <translation>{micrograms} microgrammes l’unité</translation>
    </message>
    <message>
        <source>{micrograms} micrograms/mL</source>
        <translation>{micrograms} microgrammes/mL</translation>
    </message>
    <message>
        <source>{micrograms} micrograms in {ml} mL</source>
        <translation>{micrograms} microgrammes dans {ml} mL</translation>
    </message>
    <message>
        <source>“{field}” is after the order's start ({start}): an order runs from when the prescriber gave it. Correct the call's time, or the start.</source>
        <translation>« {field} » est après le début de la prescription ({start}) : une prescription court à partir du moment où le prescripteur l’a donnée. Corriger l’heure de l’appel, ou le début.</translation>
    </message>
    <message>
        <source>The call was given on {time}, more than a day before now: the order is overdue for a doctor's countersignature at once. Is the date right?</source>
        <translation>L’appel a été donné le {time}, plus d’un jour avant maintenant : la prescription est aussitôt en retard de contresignature par un médecin. La date est-elle juste ?</translation>
    </message>
    <message>
        <source>COUNTS NOT CORRECT at sign out: see the checklist</source>
        <translation>COMPTES PAS JUSTES à la sortie de salle : voir la check-list</translation>
    </message>
    <message>
        <source>“{field}”: the sign in ({at}) is after the time the operation was recorded done ({done}). If the sign in is right, say so here and ask the surgical coordinator to amend the operation's done time; if not, check the date, the time and the operation picked.</source>
        <translation>« {field} » : la vérification avant induction ({at}) est postérieure à l’heure à laquelle l’intervention a été enregistrée comme réalisée ({done}). Si l’heure de vérification est juste, indiquez-le ici et demandez au coordinateur du bloc de corriger l’heure de réalisation ; sinon, vérifiez la date, l’heure et l’intervention choisie.</translation>
    </message>
    <message>
        <source>No list of theatre {theatre} was running at {at} (its lists: {lists}), and this operation's list starts {start}: check the date, the time and the theatre.</source>
        <translation>Aucun programme de la salle {theatre} n’était en cours le {at} (ses programmes : {lists}), et le programme de cette intervention commence le {start} : vérifiez la date, l’heure et la salle.</translation>
    </message>
    <message>
        <source>Done at {done}: the safety checklist of this operation was signed in at {signed_in}, and the sign in comes before induction. Give the time the operation began, or ask the theatre team to correct the checklist's sign in.</source>
        <translation>Réalisée le {done} : la vérification avant induction de la check-list de sécurité de cette intervention a été faite le {signed_in}, et elle précède l’induction. Indiquez l’heure à laquelle l’intervention a commencé, ou demandez à l’équipe du bloc de corriger l’heure de vérification de la check-list.</translation>
    </message>
    <message>
        <source>{drug}: up at the death, never charted stopped: chart its stop</source>
        <translation>{drug} : en place au décès, arrêt jamais noté : noter son arrêt</translation>
    </message>
    <message>
        <source>“{field}”: this patient's admission records a DNACPR decision; leave it empty.</source>
        <translation>« {field} » : l’admission de ce patient enregistre une décision de non-réanimation (pas de RCP) ; laisser vide.</translation>
    </message>
    <message>
        <source>{drug} is a basal or premixed insulin: not to be omitted (in type 1 it brings on ketoacidosis within hours); tell the prescriber, and say so in the reason.</source>
        <translation>{drug} est une insuline basale ou prémélangée : à ne pas omettre (dans le diabète de type 1, l’omettre provoque une acidocétose en quelques heures) ; prévenez le prescripteur, et dites-le dans la raison.</translation>
    </message>
    <message>
        <source>The call's time moves later, from {before} to {time}: the 24 hours for a doctor's countersignature count from it. Is it the time the prescriber gave the order?</source>
        <translation>L’heure de l’appel est reculée, du {before} au {time} : les 24 heures pour la contre-signature d’un médecin comptent à partir d’elle. Est-ce l’heure à laquelle le prescripteur a donné la prescription ?</translation>
    </message>
    <message>
        <source>{field}: {form} of {time} would then be after the body left the ward; correct or withdraw it first.</source>
        <translation>{field} : {form} du {time} serait alors après le départ du corps du service ; corrigez cet enregistrement ou retirez-le d’abord.</translation>
    </message>
    <message>
        <source>{drug}: ran through before the death (at {time}), never charted stopped: chart its end</source>
        <translation>{drug} : finie de passer avant le décès (à {time}), arrêt jamais noté : noter sa fin</translation>
    </message>
    <message>
        <source>Controlled-drug register: {dose} {dose_unit} is {quantity} {unit} of {page}, and its page counts whole {unit} only. If the dose came from another page, choose that page. If it came from this one, the register cannot take the whole {unit} with the rest as wastage: write the dose on the paper chart, and the {unit} taken and the rest destroyed in the paper register, witnessed, and tell the pharmacist.</source>
        <translation>Registre des stupéfiants : {dose} {dose_unit} font {quantity} {unit} de {page}, et sa page ne compte que des {unit} entier(e)s. Si la dose vient d’une autre page, choisissez cette page. Si elle vient de celle-ci, le registre ne peut pas décompter l’unité entière ({unit}) avec le reste en destruction : notez la dose sur le plan d’administration papier, et l’unité prise ({unit}) et le reste détruit dans le registre papier, avec le témoin, puis prévenez le pharmacien.</translation>
    </message>
    <message>
        <source>Controlled-drug register: {dose} {dose_unit} is {quantity} {unit} of {page}, and a capsule is never opened or divided: {dose} {dose_unit} cannot be made up from whole capsules of this page. If the dose came from another page, choose that page; if not, check the dose with the prescriber or the pharmacist (another strength, or the liquid).</source>
        <translation>Registre des stupéfiants : {dose} {dose_unit} font {quantity} {unit} de {page}, et une gélule ne s’ouvre ni ne se divise jamais : {dose} {dose_unit} ne peuvent pas être donnés en gélules entières de cette page. Si la dose vient d’une autre page, choisissez cette page ; sinon, vérifiez la dose avec le prescripteur ou le pharmacien (un autre dosage, ou la forme buvable).</translation>
    </message>
    <message>
        <source>{drug}: the neuro chart at {time} asks a doctor ({found}) and none is recorded told: a sedative or an opioid lowers the GCS and hides the next set's. Tell the doctor before giving it.</source>
        <translation>{drug} : la surveillance neurologique de {time} demande un médecin ({found}) et aucun n’est noté prévenu : un sédatif ou un opioïde abaisse le GCS et masque celui de la prochaine série. Prévenez le médecin avant de le donner.</translation>
    </message>
    <message>
        <source>INFUSION RUNNING: {drug}, {running}: take it down or let it go with the patient, and record its stop, saying which in the reason</source>
        <translation>PERFUSION EN COURS : {drug}, {running} : la retirer ou la laisser partir avec le patient, et noter son arrêt, en précisant lequel dans le motif</translation>
    </message>
    <message>
        <source>{drug}: ran through before the patient left (at {time}), never charted stopped: chart its end</source>
        <translation>{drug} : finie de passer avant le départ du patient (à {time}), arrêt jamais noté : noter sa fin</translation>
    </message>
    <message>
        <source>No on this form, but the medication chart had {drugs} at the fall</source>
        <translation>Non sur cette fiche, mais le plan d’administration comportait {drugs} au moment de la chute</translation>
    </message>
    <message>
        <source>{drug}: a dose is recorded given at {given}, later than this laptop's clock says now ({now}): a clock was wrong, this laptop's now or the one that recorded it then. Check this laptop's date and time. That dose may be the one due now: ask who gave it before giving this one; if its time is wrong, mark that record entered in error with the reason and record it again at its real time.</source>
        <translation>{drug} : une dose est enregistrée donnée le {given}, plus tard que l’heure qu’indique ce portable maintenant ({now}) : une horloge s’est trompée, celle de ce portable maintenant ou celle qui l’a enregistrée alors. Vérifiez la date et l’heure de ce portable. Cette dose peut être celle due maintenant : demandez à qui l’a donnée avant de donner celle-ci ; si son heure est fausse, marquez cet enregistrement saisi par erreur avec le motif et enregistrez-la de nouveau à son heure réelle.</translation>
    </message>
    <message>
        <source>{drug}: the CT head after the fall at {time} is done and the fall records no doctor's decision to continue the anticoagulant: ask the doctor before giving it.</source>
        <translation>{drug} : le scanner cérébral après la chute du {time} est fait et la chute ne note aucune décision médicale de poursuivre l’anticoagulant : demandez au médecin avant de le donner.</translation>
    </message>
    <message>
        <source>{drug}: after the fall at {time}, the doctor's decision on the fall is to hold or stop the anticoagulant: give it only if a doctor has decided otherwise since, and say who in the reason.</source>
        <translation>{drug} : après la chute du {time}, la décision du médecin notée sur la chute est de suspendre ou d’arrêter l’anticoagulant : ne le donnez que si un médecin en a décidé autrement depuis, et dites qui dans le motif.</translation>
    </message>
    <message>
        <source>{medicine}: {dose} g in one dose is more than {times} times the most allowed ({most} mg), where a slip of the unit is likelier than any dose meant. Did you mean {dose} mg?</source>
        <translation>{medicine} : {dose} g en une prise, c’est plus de {times} fois le maximum autorisé ({most} mg), où une erreur d’unité est plus probable qu’une dose voulue. Vouliez-vous écrire {dose} mg ?</translation>
    </message>
    <message>
        <source>Aspirin</source>
        <translation>Aspirine</translation>
    </message>
    <message>
        <source>{medicine} is not usually given under 3 years (ANSM; the FDA: under 12, children who turn it fast into its opioid have stopped breathing): check it is meant, and give the reason in “{field}”.</source>
        <translation>{medicine} ne se donne habituellement pas avant 3 ans (ANSM ; la FDA : avant 12 ans, des enfants qui le transforment vite en son opioïde ont cessé de respirer) : vérifier qu’il est voulu, et indiquer le motif dans « {field} ».</translation>
    </message>
    <message>
        <source>{medicine} is not given under 16 years (Reye's syndrome: MHRA, BNFc) but for a named indication (Kawasaki disease, after heart surgery): give the indication in “{field}”.</source>
        <translation>{medicine} ne se donne pas avant 16 ans (syndrome de Reye : MHRA, BNFc) sauf indication précise (maladie de Kawasaki, après chirurgie cardiaque) : indiquer l’indication dans « {field} ».</translation>
    </message>
    <message>
        <source>{medicine} by this route is not usually given to a baby under {months} months old or under {kg} kg (ANSM, BNFc): check with the prescriber that it is meant before giving it.</source>
        <translation>{medicine} par cette voie ne se donne habituellement pas à un nourrisson de moins de {months} mois ou de moins de {kg} kg (ANSM, BNFc) : vérifier avec le prescripteur qu’il est voulu avant de le donner.</translation>
    </message>
    <message>
        <source>{medicine} is not usually given under 3 years (ANSM; the FDA: under 12, children who turn it fast into its opioid have stopped breathing): check with the prescriber that it is meant before giving it.</source>
        <translation>{medicine} ne se donne habituellement pas avant 3 ans (ANSM ; la FDA : avant 12 ans, des enfants qui le transforment vite en son opioïde ont cessé de respirer) : vérifier avec le prescripteur qu’il est voulu avant de le donner.</translation>
    </message>
    <message>
        <source>{medicine} is not given under 16 years (Reye's syndrome: MHRA, BNFc) but for a named indication (Kawasaki disease, after heart surgery): check the indication with the prescriber before giving it.</source>
        <translation>{medicine} ne se donne pas avant 16 ans (syndrome de Reye : MHRA, BNFc) sauf indication précise (maladie de Kawasaki, après chirurgie cardiaque) : vérifier l’indication avec le prescripteur avant de le donner.</translation>
    </message>
    <message>
        <source>{rate} mL/h is above {times} times the maintenance for {kg} kg ({maintenance} mL/h, {basis})</source>
        <translation>{rate} mL/h dépasse {times} fois le débit d’entretien pour {kg} kg ({maintenance} mL/h, {basis})</translation>
    </message>
    <message>
        <source>Holliday-Segar 4-2-1; NICE NG29</source>
        <translation>Holliday-Segar 4-2-1 ; NICE NG29</translation>
    </message>
    <message>
        <source>NICE NG29's most of {day} mL a day {who}; 4-2-1 gives {rule} mL/h</source>
        <translation>au plus {day} mL par jour {who} selon NICE NG29 ; la règle 4-2-1 donne {rule} mL/h</translation>
    </message>
    <message>
        <source>for a female</source>
        <translation>pour le sexe féminin</translation>
    </message>
    <message>
        <source>for a male</source>
        <translation>pour le sexe masculin</translation>
    </message>
    <message>
        <source>for a male, the sex not recorded</source>
        <translation>pour le sexe masculin, le sexe n’étant pas renseigné</translation>
    </message>
    <message>
        <source>{finding}: check the rate against the child's weight. If it is meant (a bolus, losses replaced), give the reason in “{field}”.</source>
        <translation>{finding} : vérifiez le débit au regard du poids de l’enfant. S’il est voulu (remplissage, pertes compensées), donnez-en le motif dans « {field} ».</translation>
    </message>
    <message>
        <source>{dose} mL in one dose is above {most} mL/kg for {kg} kg ({limit} mL; a bolus is 10-20 mL/kg, NICE NG29)</source>
        <translation>{dose} mL en une prise dépasse {most} mL/kg pour {kg} kg ({limit} mL ; un bolus est de 10 à 20 mL/kg, NICE NG29)</translation>
    </message>
    <message>
        <source>As ordered, up to {amount} mL in 24 h, above {times} times the maintenance for {kg} kg ({limit} mL in 24 h, {basis})</source>
        <translation>Tel que prescrit, jusqu’à {amount} mL en 24 h, plus de {times} fois les besoins d’entretien pour {kg} kg ({limit} mL en 24 h, {basis})</translation>
    </message>
    <message>
        <source>{finding}: check the volume against the child's weight. If it is meant (losses replaced), give the reason in “{field}”.</source>
        <translation>{finding} : vérifiez le volume au regard du poids de l’enfant. S’il est voulu (pertes compensées), donnez-en le motif dans « {field} ».</translation>
    </message>
    <message>
        <source>As ordered, up to {amount} mL in 24 h, above {most} mL/kg a day for a neonate of {kg} kg ({limit} mL; NICE NG29 neonatal): check the volume against the baby's weight. If it is meant (losses replaced), give the reason in “{field}”.</source>
        <translation>Tel que prescrit, jusqu’à {amount} mL en 24 h, plus de {most} mL/kg par jour pour un nouveau-né de {kg} kg ({limit} mL ; NICE NG29 néonatal) : vérifier le volume d’après le poids du bébé. S’il est voulu (pertes compensées), indiquer le motif dans « {field} ».</translation>
    </message>
    <message>
        <source>A child's fluid by vein is worked out from the child's weight (NICE NG29), and no weight is recorded this stay: weigh the child, or give the weight the fluid is worked out from (measured, estimated or a parent's, and when) in “{field}”.</source>
        <translation>Le soluté intraveineux d’un enfant se calcule d’après son poids (NICE NG29), et aucun poids n’est noté pendant ce séjour : peser l’enfant, ou indiquer le poids d’après lequel le soluté est calculé (mesuré, estimé ou donné par un parent, et quand) dans « {field} ».</translation>
    </message>
    <message>
        <source>{drug} {finding}: NICE NG29 (1.3.3) starts a child's maintenance on an isotonic crystalloid, sodium 131-154 mmol/L (sodium chloride 0.9% with glucose 5%, Hartmann's, Plasma-Lyte); hypotonic fluids have caused fatal hyponatraemia in children (NPSA Patient Safety Alert 22, 2007). If it is meant (a specialist's plan, the sodium checked), give the reason in “{field}”.</source>
        <translation>{drug} {finding} : le NICE NG29 (1.3.3) commence l’entretien d’un enfant par un cristalloïde isotonique, sodium 131-154 mmol/L (chlorure de sodium 0,9 % avec glucose 5 %, Ringer lactate, Plasma-Lyte) ; des solutés hypotoniques ont causé des hyponatrémies mortelles chez l’enfant (alerte NPSA n° 22, 2007). S’il est voulu (plan d’un spécialiste, natrémie vérifiée), donnez-en le motif dans « {field} ».</translation>
    </message>
    <message>
        <source>is hypotonic (sodium about {mmol} mmol/L)</source>
        <translation>est hypotonique (sodium environ {mmol} mmol/L)</translation>
    </message>
    <message>
        <source>is hypotonic (sodium at most {mmol} mmol/L, a polyionic solution)</source>
        <translation>est hypotonique (sodium au plus {mmol} mmol/L, soluté polyionique)</translation>
    </message>
    <message>
        <source>holds little or no sodium (free water once the glucose is used)</source>
        <translation>ne contient que peu ou pas de sodium (de l’eau libre une fois le glucose consommé)</translation>
    </message>
    <message>
        <source>{medicine}: {dose} mg in one dose is above the most for one dose whatever the reason ({most} mg); from the usual most ({usual} mg) up to it, the order is saved with the prescriber's reason.</source>
        <translation>{medicine} : {dose} mg en une prise dépasse le maximum par prise, quel que soit le motif ({most} mg) ; du maximum habituel ({usual} mg) jusqu’à lui, la prescription est enregistrée avec le motif du prescripteur.</translation>
    </message>
    <message>
        <source>{medicine}: {dose} mg in one dose is above the most for one dose whatever the reason ({most} mg for {weight}, {per_kg} mg/kg); from the usual most ({usual} mg) up to it, the order is saved with the prescriber's reason.</source>
        <translation>{medicine} : {dose} mg en une prise dépasse le maximum par prise, quel que soit le motif ({most} mg pour {weight}, {per_kg} mg/kg) ; du maximum habituel ({usual} mg) jusqu’à lui, la prescription est enregistrée avec le motif du prescripteur.</translation>
    </message>
    <message>
        <source>{medicine}: as ordered, up to {amount} mg in 24 h ({orders}); at most {most} mg in 24 h whatever the reason; from the usual most ({usual} mg) up to it, the order is saved with the prescriber's reason.</source>
        <translation>{medicine} : telle que prescrite, jusqu’à {amount} mg en 24 h ({orders}) ; au plus {most} mg en 24 h quel que soit le motif ; du maximum habituel ({usual} mg) jusqu’à lui, la prescription est enregistrée avec le motif du prescripteur.</translation>
    </message>
    <message>
        <source>{medicine}: as ordered, up to {amount} mg in 24 h ({orders}); at most {most} mg in 24 h whatever the reason for {weight} ({per_kg} mg/kg); from the usual most ({usual} mg) up to it, the order is saved with the prescriber's reason.</source>
        <translation>{medicine} : telle que prescrite, jusqu’à {amount} mg en 24 h ({orders}) ; au plus {most} mg en 24 h quel que soit le motif pour {weight} ({per_kg} mg/kg) ; du maximum habituel ({usual} mg) jusqu’à lui, la prescription est enregistrée avec le motif du prescripteur.</translation>
    </message>
    <message>
        <source>{asked}
One reason, given in “{field}”, is kept for all of these.</source>
        <translation>{asked}
Un seul motif, indiqué dans « {field} », est gardé pour l’ensemble de ces points.</translation>
    </message>
    <message>
        <source>Dose {dose} {unit} differs from the order ({ordered} {unit}), and {dose} is its volume ({ordered} {unit} = {other} mL): type the dose given in {unit}, not the volume drawn up.</source>
        <translation>Dose {dose} {unit} différente de la prescription ({ordered} {unit}), et {dose} en est le volume ({ordered} {unit} = {other} mL) : saisir la dose donnée en {unit}, pas le volume prélevé.</translation>
    </message>
    <message>
        <source>Dose {dose} mL differs from the order ({ordered} mL), and {dose} is its dose in mg ({ordered} mL = {other} mg): type the volume given in mL.</source>
        <translation>Dose {dose} mL différente de la prescription ({ordered} mL), et {dose} en est la dose en mg ({ordered} mL = {other} mg) : saisir le volume donné en mL.</translation>
    </message>
    <message>
        <source>Dose {dose} {unit} differs from the order ({ordered} {unit}): {dose} is {part} of it, or its volume ({ordered} {unit} = {other} mL) typed for the dose: check which was given, and type the dose given in {unit}.</source>
        <translation>Dose {dose} {unit} différente de la prescription ({ordered} {unit}) : {dose} en est {part}, ou le volume ({ordered} {unit} = {other} mL) saisi pour la dose : vérifier ce qui a été donné, et saisir la dose donnée en {unit}.</translation>
    </message>
    <message>
        <source>Dose {dose} mL differs from the order ({ordered} mL): {dose} is {part} of it, or its dose in mg ({ordered} mL = {other} mg) typed for the volume: check which was given, and type the volume given in mL.</source>
        <translation>Dose {dose} mL différente de la prescription ({ordered} mL) : {dose} en est {part}, ou la dose en mg ({ordered} mL = {other} mg) saisie pour le volume : vérifier ce qui a été donné, et saisir le volume donné en mL.</translation>
    </message>
    <message>
        <source>half</source>
        <translation>la moitié</translation>
    </message>
    <message>
        <source>a third</source>
        <translation>le tiers</translation>
    </message>
    <message>
        <source>a quarter</source>
        <translation>le quart</translation>
    </message>
    <message>
        <source>three quarters</source>
        <translation>les trois quarts</translation>
    </message>
    <message>
        <source>{count} record(s) withdrawn (entered in error): not listed, unless an earlier merge's version of one was entered in the EHR, then listed to withdraw there</source>
        <translation>{count} enregistrement(s) annulé(s) (saisie par erreur) : non listé(s), sauf si la version d’une fusion antérieure a été saisie dans le DPI, alors listé(s) pour l’y annuler</translation>
    </message>
    <message>
        <source>Imported, this merge adds {versions} record version(s) (those on hold kept aside) and {listed} record(s) to the Back-entry list, one line a record, and one more for each withdrawn record an office entered from an earlier merge, to withdraw there</source>
        <translation>Importée, cette fusion ajoute {versions} version(s) d’enregistrement (celles en attente mises de côté) et {listed} enregistrement(s) à la liste de ressaisie, une ligne par enregistrement, et une de plus par enregistrement annulé qu’un bureau a saisi depuis une fusion antérieure, à y annuler</translation>
    </message>
    <message>
        <source>{count} record(s) were written with a later version of their form than this laptop's (carried from an up-to-date laptop): the FHIR bundle leaves them out, or tags them later-form where another record needs them, as this laptop may misread them; enter them from the bundle of an up-to-date laptop or of the records office (the manifest's later_form_versions)</source>
        <translation>{count} enregistrement(s) ont été écrits avec une version de leur formulaire plus récente que celle de ce portable (apportés d’un portable à jour) : le bundle FHIR les laisse de côté, ou les marque later-form quand un autre enregistrement en a besoin, car ce portable peut les lire de travers ; saisissez-les depuis le bundle d’un portable à jour ou du bureau des dossiers (later_form_versions du manifeste)</translation>
    </message>
    <message>
        <source>{count} withdrawal(s) of a record withdrawn on another laptop too, kept aside, not imported as its version (the manifest's withdrawn_alike)</source>
        <translation>{count} annulation(s) d’un enregistrement annulé aussi sur un autre portable, mise(s) de côté, non importée(s) comme sa version (withdrawn_alike du manifeste)</translation>
    </message>
    <message>
        <source>{count} withdrawal(s) of a record withdrawn here already, made on another laptop too: kept aside in the import's audit, not as a version</source>
        <translation>{count} annulation(s) d’un enregistrement déjà annulé ici, faite(s) aussi sur un autre portable : mise(s) de côté dans l’audit de l’import, pas comme une version</translation>
    </message>
    <message>
        <source>LATER FORMS: its FHIR bundles (Downtime {version}) left out or tagged {count} record(s) written with a later version of their form than its own, which none of its later exports sent; post the records office's bundle for them (the manifest's later_form_versions)</source>
        <translation>FORMULAIRES PLUS RÉCENTS : ses bundles FHIR (Downtime {version}) ont laissé de côté ou marqué {count} enregistrement(s) écrits avec une version de leur formulaire plus récente que la sienne, qu’aucun de ses exports suivants n’a envoyés ; envoyez pour eux le bundle du bureau des dossiers (later_form_versions du manifeste)</translation>
    </message>
    <message>
        <source>{laptop}: {said}</source>
        <translation>{laptop} : {said}</translation>
    </message>
    <message>
        <source>{listed}. Of these, {count} record(s) this import brought withdrawn (entered in error) on a laptop after they were entered in the EHR: listed, to withdraw there</source>
        <translation>{listed}. Parmi eux, {count} enregistrement(s) apporté(s) par cet import annulé(s) (saisie par erreur) sur un portable après leur saisie dans le DPI : listé(s), à y annuler</translation>
    </message>
    <message>
        <source>{path} cannot be put in place: its key slots ({keys}) cannot be read, so no PIN would open it. Nothing was put in place.</source>
        <translation>{path} ne peut pas être mis en place : ses emplacements de clé ({keys}) sont illisibles, aucun code PIN ne l’ouvrirait. Rien n’a été mis en place.</translation>
    </message>
    <message>
        <source>{order} — not given in hospital (due {due}): {why}</source>
        <translation>{order} — non administré pendant l’hospitalisation (prévu {due}) : {why}</translation>
    </message>
    <message>
        <source>{order} — no dose recorded in hospital (due {due}): check the paper chart</source>
        <translation>{order} — aucune administration enregistrée pendant l’hospitalisation (prévue {due}) : vérifier le plan d’administration papier</translation>
    </message>
    <message>
        <source>{drug}: up when the patient left, never charted stopped: chart its stop at the time they left if it went with them, or at the time it was taken down, saying which in the reason</source>
        <translation>{drug} : en place au départ du patient, arrêt jamais noté : noter son arrêt à l’heure du départ si elle est partie avec le patient, ou à l’heure où elle a été retirée, en précisant lequel dans le motif</translation>
    </message>
    <message>
        <source>{drug} is a controlled drug: if it went with the patient, say so in its stop's reason, else destroy what is left in the syringe or bag with a witness, in the controlled drugs register</source>
        <translation>{drug} est un stupéfiant : s’il est parti avec le patient, le préciser dans le motif de son arrêt, sinon détruire le reste de la seringue ou de la poche devant un témoin, dans le registre des stupéfiants</translation>
    </message>
    <message>
        <source>Operation booked: {operation}; {told}</source>
        <translation>Intervention programmée : {operation} ; {told}</translation>
    </message>
    <message>
        <source>what the patient is told of it: …</source>
        <translation>ce qui en est dit au patient : …</translation>
    </message>
    <message>
        <source>LETTER NOT COMPLETED: {field}: “{line}”: fill in the “…”</source>
        <translation>COURRIER NON COMPLÉTÉ : {field} : « {line} » : compléter les « … »</translation>
    </message>
    <message>
        <source>{drug} put up {time}</source>
        <translation>{drug} posé(e) le {time}</translation>
    </message>
    <message>
        <source>“{field}”: write the doctor who reviewed the child and the time they set the plan (“Dr Benali 13:00”), or choose 1 hour or less.</source>
        <translation>« {field} » : écrivez le médecin qui a revu l’enfant et l’heure à laquelle il a fixé le plan (« Dr Benali 13:00 »), ou choisissez 1 heure ou moins.</translation>
    </message>
    <message>
        <source>“{field}”: a child scoring 8 or more, or responding only to pain or not at all, is observed at least hourly whatever the plan: choose 1 hour or less.</source>
        <translation>« {field} » : un enfant à 8 ou plus, ou ne réagissant qu’à la douleur ou pas du tout, est surveillé au moins toutes les heures quel que soit le plan : choisissez 1 heure ou moins.</translation>
    </message>
    <message>
        <source>“{field}”: no temperature in this set or in the hour before, and with a moderate breathing effort under 5 years a fever calls the doctor: type the temperature, or choose 1 hour or less.</source>
        <translation>« {field} » : pas de température dans cette série ni dans l’heure précédente, et avec un travail respiratoire modérément augmenté avant 5 ans, une fièvre fait appeler le médecin : saisir la température, ou choisir 1 heure ou moins.</translation>
    </message>
    <message>
        <source>{medicine}: {dose} g in one dose is more than {times} times the most allowed ({most} mg): no reason makes it a dose. Check the dose and its unit.</source>
        <translation>{medicine} : {dose} g en une dose, c’est plus de {times} fois le maximum permis ({most} mg) : aucun motif n’en fait une dose. Vérifiez la dose et son unité.</translation>
    </message>
    <message>
        <source>This snapshot gives no time of its own ({given}): its orders' doses due before this load read “in the EHR (before downtime)” and are left off the round. If the extract was taken before this load (the EHR down in between), load it again with the extract's time in {given} ({example}): the doses due since then come back on the round. Until then, check them against the EHR's last printed chart.</source>
        <translation>Cet instantané ne donne pas son heure ({given}) : les doses de ses prescriptions prévues avant ce chargement sont lues « dans le DPI (avant la procédure dégradée) » et ne figurent pas au tour. Si l’extraction a été faite avant ce chargement (le DPI tombé entre-temps), chargez-le de nouveau avec l’heure de l’extraction dans {given} ({example}) : les doses prévues depuis reviennent au tour. D’ici là, vérifiez-les sur le dernier plan imprimé du DPI.</translation>
    </message>
    <message>
        <source>{path}, column {column}</source>
        <translation>{path}, colonne {column}</translation>
    </message>
    <message>
        <source>{where}: {patient}, {procedure}: no NCEPOD priority in the EHR's extract: loaded as Elective: amend it if more urgent.</source>
        <translation>{where} : {patient}, {procedure} : aucune priorité NCEPOD dans l’extraction du DPI : chargée comme Réglée (non urgente) : modifiez-la si elle est plus urgente.</translation>
    </message>
    <message>
        <source>The snapshot says its extract is of {time}, more than a day before this load ({now}): {doses} doses of {patients} patient(s), due since then, come back on the round as not recorded. Is that the extract's time (snapshot.csv, column taken_at; a FHIR bundle's timestamp)? If not, check those doses against the EHR's last printed chart.</source>
        <translation>L’instantané dit que son extraction date du {time}, plus d’un jour avant ce chargement ({now}) : {doses} doses de {patients} patient(s), prévues depuis, reviennent au tour comme non enregistrées. Est-ce bien l’heure de l’extraction (snapshot.csv, colonne taken_at ; le timestamp d’un bundle FHIR) ? Sinon, vérifiez ces doses sur le dernier plan imprimé du DPI.</translation>
    </message>
    <message>
        <source>The snapshot says its extract is of {time}, after this load ({now}): the time given (snapshot.csv, column taken_at; a FHIR bundle's timestamp) or this laptop's clock is wrong. Check both; its orders' doses due before this load read “in the EHR (before downtime)”.</source>
        <translation>L’instantané dit que son extraction date du {time}, après ce chargement ({now}) : l’heure donnée (snapshot.csv, colonne taken_at ; le timestamp d’un bundle FHIR) ou l’horloge de ce portable est fausse. Vérifiez les deux ; les doses de ses prescriptions prévues avant ce chargement sont lues « dans le DPI (avant la procédure dégradée) ».</translation>
    </message>
    <message>
        <source>another patient: {key!r}</source>
        <translation>un autre patient : {key!r}</translation>
    </message>
    <message>
        <source>{path}: one column, {column}, and one line under it: the time the EHR's extract is of (2026-11-28T06:00+01:00)</source>
        <translation>{path} : une colonne, {column}, et une ligne dessous : l’heure à laquelle l’extraction du DPI a été faite (2026-11-28T06:00+01:00)</translation>
    </message>
    <message>
        <source>{path}, line {line}: the last line has no line end (is the file cut short?)</source>
        <translation>{path}, ligne {line} : la dernière ligne n’a pas de fin de ligne (le fichier est-il tronqué ?)</translation>
    </message>
    <message>
        <source>{path}, line 1: column {column!r} is listed twice (columns {first} and {second})</source>
        <translation>{path}, ligne 1 : la colonne {column!r} figure deux fois (colonnes {first} et {second})</translation>
    </message>
    <message>
        <source>{where}, column {column}: {reason}</source>
        <translation>{where}, colonne {column} : {reason}</translation>
    </message>
    <message>
        <source>{where}: {kind} {key!r} was loaded before with other content ({changes}); correct it in the app (a snapshot never changes a record already loaded)</source>
        <translation>{where} : {kind} {key!r} a déjà été chargé avec un autre contenu ({changes}) ; corrigez-le dans l’application (un instantané ne modifie jamais une fiche déjà chargée)</translation>
    </message>
    <message>
        <source>{path}, line {number}, column {column}: {shown!r}: no option of “{column}”; write one of its codes: {codes}</source>
        <translation>{path}, ligne {number}, colonne {column} : {shown!r} : aucune option de « {column} » ; écrivez l’un de ses codes : {codes}</translation>
    </message>
    <message>
        <source>{path}, line {line}: column {column} has no name in the header (see the template)</source>
        <translation>{path}, ligne {line} : la colonne {column} n’a pas de nom dans l’en-tête (voir le modèle)</translation>
    </message>
    <message>
        <source>{where}: {said} Loaded as another order: ask the prescriber to stop one (the ward may have written it again while the EHR was down).</source>
        <translation>{where} : {said} Chargée comme une autre prescription : demandez au prescripteur d’en arrêter une (le service l’a peut-être réécrite pendant la panne du DPI).</translation>
    </message>
    <message>
        <source>{count} participants are typed as the anaesthetist; give one</source>
        <translation>{count} participants sont typés comme l’anesthésiste ; n’en donnez qu’un</translation>
    </message>
    <message>
        <source>Appointment.participant.actor.display (the anaesthetist)</source>
        <translation>Appointment.participant.actor.display (l’anesthésiste)</translation>
    </message>
    <message>
        <source>{patient}, {status}</source>
        <translation>{patient}, {status}</translation>
    </message>
    <message>
        <source>{number}: not a valid downtime number (its check digit does not match): re-read it</source>
        <translation>{number} : numéro de procédure dégradée invalide (sa clé de contrôle ne correspond pas) : relisez-le</translation>
    </message>
    <message>
        <source>{number}: not a valid downtime number (its check digit does not match): re-read it. Read wrong, it may be {near}</source>
        <translation>{number} : numéro de procédure dégradée invalide (sa clé de contrôle ne correspond pas) : relisez-le. Mal lu, il peut s’agir de {near}</translation>
    </message>
    <message>
        <source>BAND OUT OF DATE: the band scanned was printed {when} and reads what was amended since ({changes}). Print a new band and take the old one off, or cancel.</source>
        <translation>BRACELET PÉRIMÉ : le bracelet scanné a été imprimé le {when} et porte ce qui a été corrigé depuis ({changes}). Imprimez un nouveau bracelet et retirez l’ancien, ou annulez.</translation>
    </message>
    <message>
        <source>{patient}, {status} — was in bed {bed}</source>
        <translation>{patient}, {status} — était au lit {bed}</translation>
    </message>
    <message>
        <source>{drug}: operation booked {time}, within {hours} hours of this dose: ask the surgeon or anaesthetist whether to give it.</source>
        <translation>{drug} : intervention programmée le {time}, dans les {hours} heures suivant cette dose : demander au chirurgien ou à l’anesthésiste s’il faut l’administrer.</translation>
    </message>
    <message>
        <source>{drug}: operation booked {time}, within {days} days of this dose: ask the surgeon or anaesthetist whether to give it.</source>
        <translation>{drug} : intervention programmée le {time}, dans les {days} jours suivant cette dose : demander au chirurgien ou à l’anesthésiste s’il faut l’administrer.</translation>
    </message>
    <message>
        <source>{drug}: INR {result} ({range}) received {time}: hold and ask the doctor.</source>
        <translation>{drug} : INR {result} ({range}) reçu le {time} : suspendre et demander au médecin.</translation>
    </message>
    <message>
        <source>{drug}: INR AWAITED (sent {taken}): check it before giving.</source>
        <translation>{drug} : INR ATTENDU (prélevé le {taken}) : le vérifier avant d’administrer.</translation>
    </message>
    <message>
        <source>{drug}: the reading typed ({typed}) is not the latest INR ({result}, received {time}): check which is right before giving.</source>
        <translation>{drug} : la valeur saisie ({typed}) n’est pas le dernier INR ({result}, reçu le {time}) : vérifier laquelle est la bonne avant d’administrer.</translation>
    </message>
    <message>
        <source>{drug}: INR “{result}” received {time}, flagged by the laboratory, not read as one number: hold and ask the doctor.</source>
        <translation>{drug} : INR « {result} » reçu le {time}, signalé par le laboratoire, non lu comme un seul nombre : suspendre et demander au médecin.</translation>
    </message>
    <message>
        <source>{drug}: INR {result} ({range}) received {time}.</source>
        <translation>{drug} : INR {result} ({range}) reçu le {time}.</translation>
    </message>
    <message>
        <source>{drug}: INR “{result}” received {time}, flagged by the laboratory, not read as one number.</source>
        <translation>{drug} : INR « {result} » reçu le {time}, signalé par le laboratoire, non lu comme un seul nombre.</translation>
    </message>
    <message>
        <source>{drug}: INR AWAITED (sent {taken}).</source>
        <translation>{drug} : INR ATTENDU (prélevé le {taken}).</translation>
    </message>
    <message>
        <source>{drug}: the reading typed ({typed}) is not the latest INR ({result}, received {time}).</source>
        <translation>{drug} : la valeur saisie ({typed}) n’est pas le dernier INR ({result}, reçu le {time}).</translation>
    </message>
    <message>
        <source>{drug}: already on an anticoagulant ({others}): two at once make a bleed likely. Ask the doctor before giving it.</source>
        <translation>{drug} : déjà sous anticoagulant ({others}) : deux à la fois exposent au saignement. Demander au médecin avant de l’administrer.</translation>
    </message>
    <message>
        <source>{drug}: operation booked {time}, not yet recorded done: if the patient has not gone to theatre yet, ask the surgeon or anaesthetist whether to give it.</source>
        <translation>{drug} : intervention programmée le {time}, pas encore enregistrée comme réalisée : si le patient n’est pas encore parti au bloc, demander au chirurgien ou à l’anesthésiste s’il faut l’administrer.</translation>
    </message>
    <message>
        <source>Already on an anticoagulant: {orders} — stop it, or say why both.</source>
        <translation>Déjà sous anticoagulant : {orders} — l’arrêter, ou dire pourquoi les deux.</translation>
    </message>
    <message>
        <source>Latest INR: {result} at {time}</source>
        <translation>Dernier INR : {result} le {time}</translation>
    </message>
    <message>
        <source>{drug}: the VTE decision of {time} is {decision}: ask the doctor before giving it.</source>
        <translation>{drug} : la décision thromboembolique du {time} est {decision} : demander au médecin avant de l’administrer.</translation>
    </message>
    <message>
        <source>{order} — last given {when}: {dose}</source>
        <translation>{order} — dernière prise le {when} : {dose}</translation>
    </message>
    <message>
        <source>{words} — over a warning: {reasons}</source>
        <translation>{words} — malgré une alerte : {reasons}</translation>
    </message>
    <message>
        <source>Enoxaparin</source>
        <translation>Énoxaparine</translation>
    </message>
    <message>
        <source>Promethazine</source>
        <translation>Prométhazine</translation>
    </message>
    <message>
        <source>{medicine} is contraindicated under 2 years (BNFc: fatal respiratory depression): prescribe another medicine.</source>
        <translation>{medicine} est contre-indiquée avant 2 ans (BNFc : dépression respiratoire mortelle) : prescrire un autre médicament.</translation>
    </message>
    <message>
        <source>{medicine} is contraindicated under 2 years (BNFc: fatal respiratory depression). Do not give it; ask the prescriber for another medicine.</source>
        <translation>{medicine} est contre-indiquée avant 2 ans (BNFc : dépression respiratoire mortelle). Ne pas la donner ; demander au prescripteur un autre médicament.</translation>
    </message>
    <message>
        <source>Metoclopramide</source>
        <translation>Métoclopramide</translation>
    </message>
    <message>
        <source>{medicine} is contraindicated under 1 year (BNFc; EMA 2013: dystonia and other extrapyramidal reactions): prescribe another antiemetic.</source>
        <translation>{medicine} est contre-indiqué avant 1 an (BNFc ; EMA 2013 : dystonie et autres réactions extrapyramidales) : prescrire un autre antiémétique.</translation>
    </message>
    <message>
        <source>{medicine} is contraindicated under 1 year (BNFc; EMA 2013: dystonia and other extrapyramidal reactions). Do not give it; ask the prescriber for another antiemetic.</source>
        <translation>{medicine} est contre-indiqué avant 1 an (BNFc ; EMA 2013 : dystonie et autres réactions extrapyramidales). Ne pas le donner ; demander au prescripteur un autre antiémétique.</translation>
    </message>
    <message>
        <source>Loperamide</source>
        <translation>Lopéramide</translation>
    </message>
    <message>
        <source>{medicine} is not given under 4 years for acute diarrhoea (BNFc: ileus; a small child's diarrhoea is treated with fluids): check it is meant (chronic diarrhoea, a specialist's plan), and give the reason in “{field}”.</source>
        <translation>{medicine} ne se donne pas avant 4 ans dans une diarrhée aiguë (BNFc : iléus ; la diarrhée d’un jeune enfant se traite par les liquides) : vérifier qu’il est voulu (diarrhée chronique, plan d’un spécialiste), et indiquer le motif dans « {field} ».</translation>
    </message>
    <message>
        <source>{medicine} is not given under 4 years for acute diarrhoea (BNFc: ileus; a small child's diarrhoea is treated with fluids): check with the prescriber that it is meant before giving it.</source>
        <translation>{medicine} ne se donne pas avant 4 ans dans une diarrhée aiguë (BNFc : iléus ; la diarrhée d’un jeune enfant se traite par les liquides) : vérifier avec le prescripteur qu’il est voulu avant de le donner.</translation>
    </message>
    <message>
        <source>Amikacin</source>
        <translation>Amikacine</translation>
    </message>
    <message>
        <source>Ondansetron</source>
        <translation>Ondansétron</translation>
    </message>
    <message>
        <source>Dexamethasone</source>
        <translation>Dexaméthasone</translation>
    </message>
    <message>
        <source>Aciclovir</source>
        <translation>Aciclovir</translation>
    </message>
    <message>
        <source>Flucloxacillin</source>
        <translation>Flucloxacilline</translation>
    </message>
    <message>
        <source>Cefuroxime</source>
        <translation>Céfuroxime</translation>
    </message>
    <message>
        <source>Levetiracetam</source>
        <translation>Lévétiracétam</translation>
    </message>
    <message>
        <source>{medicine}: {dose} mg in one dose is below an adult's least usual dose ({least} mg): did you mean {dose} mg/kg? If {dose} mg is meant, give the reason in “{field}”.</source>
        <translation>{medicine} : {dose} mg en une prise est en dessous de la plus petite dose habituelle de l’adulte ({least} mg) : vouliez-vous dire {dose} mg/kg ? Si {dose} mg est voulu, indiquer le motif dans « {field} ».</translation>
    </message>
    <message>
        <source>ON A MEGLITINIDE: {drug} (omit on the morning of surgery)</source>
        <translation>SOUS GLINIDE : {drug} (ne pas donner le matin de l’intervention)</translation>
    </message>
    <message>
        <source>CANCELLED AND DONE (cancelled {cancelled}, since {moved}): check with the theatre team, ring the patient, mark the wrong records entered in error</source>
        <translation>ANNULÉE ET RÉALISÉE (annulée le {cancelled}, depuis {moved}) : vérifier auprès de l’équipe du bloc, appeler le patient, marquer les enregistrements erronés saisis par erreur</translation>
    </message>
    <message>
        <source>rebooked to {to}</source>
        <translation>reprogrammée au {to}</translation>
    </message>
    <message>
        <source>transferred to {to}</source>
        <translation>transférée vers {to}</translation>
    </message>
    <message>
        <source>CANCELLED AND DONE, an operation recorded done was cancelled on {laptop} at {cancelled}, since {moved}: {operation}: check with the theatre team, ring the patient, and mark the wrong records entered in error</source>
        <translation>ANNULÉE ET RÉALISÉE, une intervention enregistrée comme réalisée a été annulée sur {laptop} le {cancelled}, depuis {moved} : {operation} : vérifier auprès de l’équipe du bloc, appeler le patient, et marquer les enregistrements erronés saisis par erreur</translation>
    </message>
    <message>
        <source>REBOOKED AND TRANSFERRED ({dates}; {hospital}): ring the patient with the decision kept, mark the other entered in error</source>
        <translation>REPROGRAMMÉE ET TRANSFÉRÉE ({dates} ; {hospital}) : appeler le patient avec la décision retenue, marquer l’autre saisie par erreur</translation>
    </message>
    <message>
        <source>REBOOKED AND TRANSFERRED, one operation given a new date on one laptop and sent to another hospital on another: {rebooked}; and transferred to {hospital} on {laptop}: ring the patient with the decision kept, and mark the other entered in error</source>
        <translation>REPROGRAMMÉE ET TRANSFÉRÉE, une intervention a reçu une nouvelle date sur un ordinateur et a été transférée vers un autre hôpital sur un autre : {rebooked} ; et transférée vers {hospital} sur {laptop} : appeler le patient avec la décision retenue, et marquer l’autre saisie par erreur</translation>
    </message>
    <message>
        <source>REBOOKED TWICE ({dates}): ring the patient with the date kept, mark the other rebooking entered in error</source>
        <translation>REPROGRAMMÉE DEUX FOIS ({dates}) : appeler le patient avec la date retenue, marquer l’autre reprogrammation saisie par erreur</translation>
    </message>
    <message>
        <source>REBOOKED TWICE, one operation given two new dates on two laptops: {first}; and {second}: ring the patient with the date kept, and mark the other rebooking entered in error</source>
        <translation>REPROGRAMMÉE DEUX FOIS, une intervention a reçu deux nouvelles dates sur deux ordinateurs : {first} ; et {second} : appeler le patient avec la date retenue, et marquer l’autre reprogrammation saisie par erreur</translation>
    </message>
    <message>
        <source>CANCELLED AND DONE (cancelled {cancelled}): check with the theatre team, mark the wrong record entered in error</source>
        <translation>ANNULÉE ET RÉALISÉE (annulée le {cancelled}) : vérifier auprès de l’équipe du bloc, marquer l’enregistrement erroné saisi par erreur</translation>
    </message>
    <message>
        <source>CANCELLED AND DONE, an operation recorded done was cancelled on {laptop} at {cancelled}: {operation}: check with the theatre team, and mark the wrong record entered in error</source>
        <translation>ANNULÉE ET RÉALISÉE, une intervention enregistrée comme réalisée a été annulée sur {laptop} le {cancelled} : {operation} : vérifier auprès de l’équipe du bloc, et marquer l’enregistrement erroné saisi par erreur</translation>
    </message>
    <message>
        <source>Last minute: the patient was admitted (ward {ward}) when the operation was cancelled, which makes it a last-minute cancellation; answer Yes.</source>
        <translation>Dernière minute : le patient était hospitalisé (service {ward}) quand l’intervention a été annulée, ce qui en fait une annulation de dernière minute ; répondez Oui.</translation>
    </message>
    <message>
        <source>LIST OVERRUNS: ends about {end} with {minutes} min between cases (list ends {list_end})</source>
        <translation>LA VACATION DÉBORDE : fin vers {end} avec {minutes} min entre les interventions (fin de vacation {list_end})</translation>
    </message>
    <message>
        <source>{other} operates {window} in theatre {theatre}: is {name} the same person?</source>
        <translation>{other} opère de {window} en salle {theatre} : {name} est-il la même personne ?</translation>
    </message>
    <message>
        <source>ON DIABETES MEDICINES: put first on the list</source>
        <translation>SOUS ANTIDIABÉTIQUES : à passer en premier</translation>
    </message>
    <message>
        <source>ON A SULFONYLUREA: {drug} (omit on the morning of surgery)</source>
        <translation>SOUS SULFAMIDE HYPOGLYCÉMIANT : {drug} (ne pas donner le matin de l’intervention)</translation>
    </message>
    <message>
        <source>ON AN SGLT2 INHIBITOR: {drug} (stop the day before surgery and on its day: ketoacidosis)</source>
        <translation>SOUS INHIBITEUR DE SGLT2 : {drug} (arrêt la veille et le jour de l’intervention : acidocétose)</translation>
    </message>
    <message>
        <source>ON METFORMIN: {drug} (once or twice a day: as usual; three times a day: omit the lunchtime dose)</source>
        <translation>SOUS METFORMINE : {drug} (une ou deux fois par jour : comme d’habitude ; trois fois par jour : ne pas donner la dose de midi)</translation>
    </message>
    <message>
        <source>field {field}: unanswered names no option it offers: {code}</source>
        <translation>champ {field} : unanswered ne nomme aucune option qu’il propose : {code}</translation>
    </message>
    <message>
        <source>{drug}: {shown}, and {reviewed}: prescribed all the same: “{reason}”.</source>
        <translation>{drug} : {shown}, et {reviewed} : prescrit malgré tout : « {reason} ».</translation>
    </message>
    <message>
        <source>{drug}: eGFR below {value} mL/min/1.73 m² on {day}: metformin is stopped below an eGFR of 30: give it only once the doctor says to.</source>
        <translation>{drug} : DFG inférieur à {value} mL/min/1,73 m² le {day} : la metformine est arrêtée en dessous d’un DFG de 30 : ne la donner que lorsque le médecin le dit.</translation>
    </message>
    <message>
        <source>AKI stage {stage} (creatinine {value} µmol/L): give it only once the doctor says to.</source>
        <translation>IRA stade {stage} (créatinine {value} µmol/L) : ne le donner que lorsque le médecin le dit.</translation>
    </message>
    <message>
        <source>AKI stage {stage} (creatinine {value} µmol/L): prescribed all the same: “{reason}”.</source>
        <translation>IRA stade {stage} (créatinine {value} µmol/L) : prescrit malgré tout : « {reason} ».</translation>
    </message>
    <message>
        <source>{drug}: {shown}, and {reviewed}: give it only once the doctor says to.</source>
        <translation>{drug} : {shown}, et {reviewed} : ne le donner que lorsque le médecin le dit.</translation>
    </message>
    <message>
        <source>{drug}: {shown}, and {reviewed}: give the reason to prescribe it all the same in “{field}”.</source>
        <translation>{drug} : {shown}, et {reviewed} : donner la raison de le prescrire malgré tout dans « {field} ».</translation>
    </message>
    <message>
        <source>the creatinine shows an acute kidney injury (AKI stage {stage}: {value} µmol/L, {ratio} times the baseline {baseline} of {day})</source>
        <translation>la créatinine montre une insuffisance rénale aiguë (IRA stade {stage} : {value} µmol/L, {ratio} fois la valeur de base {baseline} du {day})</translation>
    </message>
    <message>
        <source>this medicine is one it asks a doctor to review</source>
        <translation>ce médicament fait partie de ceux qu’elle demande au médecin de réévaluer</translation>
    </message>
    <message>
        <source>this medicine builds up as the kidneys fail: its dose is one it asks a doctor to review</source>
        <translation>ce médicament s’accumule quand les reins défaillent : sa dose fait partie de ce qu’elle demande au médecin de réévaluer</translation>
    </message>
    <message>
        <source>{drug}: LEVEL ABOVE RANGE ({result}, {range}, received {received}): hold and ask the doctor.</source>
        <translation>{drug} : DOSAGE AU-DESSUS DES VALEURS CIBLES ({result}, {range}, reçu le {received}) : suspendre et appeler le médecin.</translation>
    </message>
    <message>
        <source>{drug}: NO LEVEL SENT since the first dose on {first}: take one and check with the doctor before giving.</source>
        <translation>{drug} : AUCUN DOSAGE ENVOYÉ depuis la première dose du {first} : en prélever un et vérifier auprès du médecin avant de donner.</translation>
    </message>
    <message>
        <source>the urine output shows an acute kidney injury ({volume} mL in {hours} hours since {time}, as the fluid balance chart judges it)</source>
        <translation>la diurèse montre une insuffisance rénale aiguë ({volume} mL en {hours} heures depuis le {time}, selon le bilan entrées-sorties)</translation>
    </message>
    <message>
        <source>{drug}: eGFR {value} mL/min/1.73 m² on {day}: metformin is stopped below an eGFR of 30: give it only once the doctor says to.</source>
        <translation>{drug} : DFG {value} mL/min/1,73 m² le {day} : la metformine est arrêtée en dessous d’un DFG de 30 : ne la donner que lorsque le médecin le dit.</translation>
    </message>
    <message>
        <source>{drug}: INR {result} ({range}) received {time}: dosed by the prescriber's rule ({band}).</source>
        <translation>{drug} : INR {result} ({range}) reçu le {time} : dose selon la règle du prescripteur ({band}).</translation>
    </message>
    <message>
        <source>{drug}: INR {result} ({range}) received {time}: order amended by the prescriber since: “{reason}”.</source>
        <translation>{drug} : INR {result} ({range}) reçu le {time} : prescription modifiée depuis par le prescripteur : « {reason} ».</translation>
    </message>
    <message>
        <source>{drug}: {dose} units under the skin in one dose is above the most BNF gives ({most} units every 12 hours, a treatment dose), where a tenfold slip (5,000 written 50,000) is likelier than a dose: check it. If it is meant, give the reason in “{field}”.</source>
        <translation>{drug} : {dose} unités en une dose sous la peau dépassent le maximum du BNF ({most} unités toutes les 12 heures, une dose curative), et une erreur d’un facteur dix (5 000 écrit 50 000) est plus probable qu’une telle dose : la vérifier. Si elle est voulue, donner la raison dans « {field} ».</translation>
    </message>
    <message>
        <source>{drug}: {dose} units into a vein in one dose is above the most BNF gives ({most} units, the loading dose of a severe pulmonary embolism; then an infusion), where a tenfold slip is likelier than a dose: check it. If it is meant, give the reason in “{field}”.</source>
        <translation>{drug} : {dose} unités en une dose par voie veineuse dépassent le maximum du BNF ({most} unités, la dose de charge d’une embolie pulmonaire grave ; puis une perfusion), et une erreur d’un facteur dix est plus probable qu’une telle dose : la vérifier. Si elle est voulue, donner la raison dans « {field} ».</translation>
    </message>
    <message>
        <source>{drug}: {dose} units in one dose is {per_kg} units/kg for {kg} kg, above a child's {most} units/kg by this route (BNFc): check it. If it is meant, give the reason in “{field}”.</source>
        <translation>{drug} : {dose} unités en une dose font {per_kg} unités/kg pour {kg} kg, au-delà des {most} unités/kg d’un enfant par cette voie (BNFc) : la vérifier. Si elle est voulue, donner la raison dans « {field} ».</translation>
    </message>
    <message>
        <source>{drug}: {dose} units in one dose is more than any ward gives of unfractionated heparin (at most {most} units): a zero too many? Correct the dose; an infusion is written as one, with its rate.</source>
        <translation>{drug} : {dose} unités en une dose, c’est plus qu’aucun service ne donne d’héparine non fractionnée (au plus {most} unités) : un zéro de trop ? Corriger la dose ; une perfusion se prescrit comme telle, avec son débit.</translation>
    </message>
    <message>
        <source>{drug}: {rate} mL/h at {per_ml} units/mL is {per_h} units/h, above the {most} units/h BNF starts an adult on (18 units/kg/h, then by the APTT; above 35,000 units a day is heparin resistance): check the rate and the syringe's strength. If it is meant, give the reason in “{field}”.</source>
        <translation>{drug} : {rate} mL/h à {per_ml} unités/mL font {per_h} unités/h, au-delà des {most} unités/h auxquelles le BNF débute un adulte (18 unités/kg/h, puis selon le TCA ; au-delà de 35 000 unités par jour, c’est une résistance à l’héparine) : vérifier le débit et la concentration de la seringue. S’il est voulu, donner la raison dans « {field} ».</translation>
    </message>
    <message>
        <source>{drug}: {rate} mL/h at {per_ml} units/mL is {per_h} units/h, {per_kg} units/kg/h for {kg} kg, above {most} units/kg/h (BNF 18, BNFc 20, under 1 year 25, then by the APTT): check the rate and the syringe's strength. If it is meant, give the reason in “{field}”.</source>
        <translation>{drug} : {rate} mL/h à {per_ml} unités/mL font {per_h} unités/h, {per_kg} unités/kg/h pour {kg} kg, au-delà de {most} unités/kg/h (BNF 18, BNFc 20, 25 avant 1 an, puis selon le TCA) : vérifier le débit et la concentration de la seringue. S’il est voulu, donner la raison dans « {field} ».</translation>
    </message>
    <message>
        <source>{drug}: {rate} mL/h at {per_ml} units/mL is {per_h} units/h, more than any ward runs heparin at (at most {most} units/h): a slip of the rate or of the syringe's strength? Correct it.</source>
        <translation>{drug} : {rate} mL/h à {per_ml} unités/mL font {per_h} unités/h, plus qu’aucun service ne passe d’héparine (au plus {most} unités/h) : une erreur de débit ou de concentration de la seringue ? Le corriger.</translation>
    </message>
    <message>
        <source>{drug}: {amount} units in one dose is {per_kg} units/kg for {kg} kg, above the most BNF gives ({most} units/kg a dose): check it. If it is meant, give the reason in “{field}”.</source>
        <translation>{drug} : {amount} unités en une dose font {per_kg} unités/kg pour {kg} kg, au-delà du plus que donne le BNF ({most} unités/kg par dose) : la vérifier. Si elle est voulue, donner la raison dans « {field} ».</translation>
    </message>
    <message>
        <source>{drug}: {amount} units a day is {per_kg} units/kg for {kg} kg, above the most BNF gives ({most} units/kg a day): check it. If it is meant, give the reason in “{field}”.</source>
        <translation>{drug} : {amount} unités par jour font {per_kg} unités/kg pour {kg} kg, au-delà du plus que donne le BNF ({most} unités/kg par jour) : la vérifier. Si elle est voulue, donner la raison dans « {field} ».</translation>
    </message>
    <message>
        <source>{drug}: {amount} units in one dose is {per_kg} units/kg for {kg} kg, {times} times or more the most BNF gives ({most} units/kg a dose): a zero too many? Correct the dose.</source>
        <translation>{drug} : {amount} unités en une dose font {per_kg} unités/kg pour {kg} kg, {times} fois ou plus le plus que donne le BNF ({most} unités/kg par dose) : un zéro de trop ? Corriger la dose.</translation>
    </message>
    <message>
        <source>{drug}: {amount} units a day is more than its prophylactic dose ({prophylactic} units), a treatment dose given by the kg (at most {most} units/kg), and no weight is recorded this stay: weigh the patient and check the dose. If it is meant, give the weight used in “{field}”.</source>
        <translation>{drug} : {amount} unités par jour dépassent sa dose préventive ({prophylactic} unités) : une dose curative, donnée au kg (au plus {most} unités/kg), et aucun poids n’est noté pour ce séjour : peser le patient et vérifier la dose. Si elle est voulue, donner le poids retenu dans « {field} ».</translation>
    </message>
    <message>
        <source>{number}: no patient's on this laptop: a number the laptop named gave, whose records are there</source>
        <translation>{number} : le numéro d’aucun patient de cet ordinateur : un numéro donné par l’ordinateur nommé, où se trouve son dossier</translation>
    </message>
    <message>
        <source>{allergy} — an angioedema with an angiotensin receptor blocker: every other one is given only with great caution after one</source>
        <translation>{allergy} — un angio-œdème sous ARA II : tout autre ARA II ne se donne qu'avec une grande prudence après un tel épisode</translation>
    </message>
    <message>
        <source>{drug}: POTASSIUM {value} mmol/L ({range}) received {time}, and this medicine raises it: hold and ask the doctor.</source>
        <translation>{drug} : KALIÉMIE {value} mmol/L ({range}) reçue le {time}, et ce médicament l’augmente : suspendre et demander au médecin.</translation>
    </message>
    <message>
        <source>{drug}: no potassium since the POTASSIUM {value} mmol/L ({range}) received {time}, and this medicine raises it: ask for a potassium, and ask the doctor before giving it.</source>
        <translation>{drug} : aucune kaliémie depuis la KALIÉMIE {value} mmol/L ({range}) reçue le {time}, et ce médicament l’augmente : demander une kaliémie, et demander au médecin avant de le donner.</translation>
    </message>
    <message>
        <source>{drug}: POTASSIUM “{value}” received {time}, flagged by the laboratory, not read as one number in mmol/L: this medicine raises it: hold and ask the doctor.</source>
        <translation>{drug} : KALIÉMIE « {value} » reçue le {time}, signalée par le laboratoire, non lue comme un seul nombre en mmol/L : ce médicament l’augmente : suspendre et demander au médecin.</translation>
    </message>
    <message>
        <source>{drug}: POTASSIUM {value} mmol/L ({range}) received {time}: order amended by the prescriber since: “{reason}”.</source>
        <translation>{drug} : KALIÉMIE {value} mmol/L ({range}) reçue le {time} : prescription modifiée depuis par le prescripteur : « {reason} ».</translation>
    </message>
    <message>
        <source>{drug}: POTASSIUM {value} mmol/L ({range}) received {time}, and this medicine raises it.</source>
        <translation>{drug} : KALIÉMIE {value} mmol/L ({range}) reçue le {time}, et ce médicament l’augmente.</translation>
    </message>
    <message>
        <source>{drug}: no potassium since the POTASSIUM {value} mmol/L ({range}) received {time}, and this medicine raises it.</source>
        <translation>{drug} : aucune kaliémie depuis la KALIÉMIE {value} mmol/L ({range}) reçue le {time}, et ce médicament l’augmente.</translation>
    </message>
    <message>
        <source>{drug}: POTASSIUM “{value}” received {time}, flagged by the laboratory, not read as one number in mmol/L, and this medicine raises it.</source>
        <translation>{drug} : KALIÉMIE « {value} » reçue le {time}, signalée par le laboratoire, non lue comme un seul nombre en mmol/L, et ce médicament l’augmente.</translation>
    </message>
    <message>
        <source>{drug}: POTASSIUM {value} mmol/L ({range}) received {time}, and this medicine raises it: give the reason to prescribe it all the same, naming the potassium, in “{field}”.</source>
        <translation>{drug} : KALIÉMIE {value} mmol/L ({range}) reçue le {time}, et ce médicament l’augmente : donner la raison de le prescrire malgré tout, en nommant la kaliémie, dans « {field} ».</translation>
    </message>
    <message>
        <source>{drug}: POTASSIUM “{value}” received {time}, flagged by the laboratory, not read as one number in mmol/L, and this medicine raises it: give the reason to prescribe it all the same, naming the potassium, in “{field}”.</source>
        <translation>{drug} : KALIÉMIE « {value} » reçue le {time}, signalée par le laboratoire, non lue comme un seul nombre en mmol/L, et ce médicament l’augmente : donner la raison de le prescrire malgré tout, en nommant la kaliémie, dans « {field} ».</translation>
    </message>
    <message>
        <source>Potassium by vein: {mmol} mmol in {ml} mL is {per_l} mmol/L, at {rate} mL/h {per_h} mmol/h: by a peripheral vein at most {most_per_l} mmol/L and {most_per_h} mmol/h; stronger or faster only by a central line with ECG monitoring. Correct it, or give the reason in “{field}”.</source>
        <translation>Potassium par voie veineuse : {mmol} mmol dans {ml} mL, soit {per_l} mmol/L, à {rate} mL/h {per_h} mmol/h : par une veine périphérique, au plus {most_per_l} mmol/L et {most_per_h} mmol/h ; plus concentré ou plus rapide, seulement par une voie veineuse centrale sous surveillance ECG continue. La corriger, ou indiquer le motif dans « {field} ».</translation>
    </message>
    <message>
        <source>Potassium by vein: {mmol} mmol in {ml} mL is {per_l} mmol/L: by a peripheral vein at most {most_per_l} mmol/L and {most_per_h} mmol/h; stronger only by a central line with ECG monitoring. Correct it, or give the reason in “{field}”.</source>
        <translation>Potassium par voie veineuse : {mmol} mmol dans {ml} mL, soit {per_l} mmol/L : par une veine périphérique, au plus {most_per_l} mmol/L et {most_per_h} mmol/h ; plus concentré, seulement par une voie veineuse centrale sous surveillance ECG continue. La corriger, ou indiquer le motif dans « {field} ».</translation>
    </message>
    <message>
        <source>Potassium by vein: write the potassium's mmol and the bag's volume, in the dose or in the medicine's name (e.g. “Potassium chloride 40 mmol in sodium chloride 0.9% 1000 mL”, “Sodium chloride 0.9% and potassium chloride 0.3% 500 mL”): its strength and speed could not be checked, nor the bag the nurse hangs against the order.</source>
        <translation>Potassium par voie veineuse : écrivez les mmol de potassium et le volume de la poche, dans la dose ou dans le nom du médicament (par ex. « Chlorure de potassium 40 mmol dans chlorure de sodium 0,9 % 1000 mL », « Chlorure de sodium 0,9 % et chlorure de potassium 0,3 % 500 mL ») : sa concentration et son débit ne pourraient pas être vérifiés, ni la poche posée par l’infirmière au regard de la prescription.</translation>
    </message>
    <message>
        <source>Potassium by vein is given only as an infusion, by a pump at a set rate, never as an injection: a bolus of potassium can stop the heart. Choose “{infusion}” in “{form}”, and give its rate.</source>
        <translation>Le potassium par voie veineuse ne se donne qu’en perfusion, à la pompe à un débit fixé, jamais en injection : un bolus de potassium peut arrêter le cœur. Choisir « {infusion} » dans « {form} », et donner son débit.</translation>
    </message>
    <message>
        <source>{drug} recorded given at {time}, while the patient is recorded missing from the ward (last seen {since}, {where}): record “A — Patient away from ward”, or record their return on the missing-patient record first.</source>
        <translation>{drug} noté donné à {time}, alors que le patient est noté disparu du service (vu en dernier à {since}, {where}) : noter « A — Patient absent », ou noter d’abord son retour sur la fiche de disparition.</translation>
    </message>
    <message>
        <source>{drug} is recorded given covertly at {time}, and the capacity assessment of {assessed} says the patient HAS capacity for their medicines: a capable person may refuse them. Untick “Given covertly” if it was given openly; else say why in the reason, and tell the doctor.</source>
        <translation>{drug} noté donné à l’insu du patient à {time}, alors que l’évaluation de la capacité faite à {assessed} le dit EN CAPACITÉ de décider de ses médicaments : une personne en capacité peut les refuser. Décocher « Administré à l’insu du patient » s’il l’a pris ouvertement ; sinon, dire pourquoi dans la raison, et prévenir le médecin.</translation>
    </message>
    <message>
        <source>{drug} is recorded given {route} at {time}, and the patient failed the swallow screen at {screened}: no medicines by mouth. Give it by another route the doctor decides, or say who allowed it by mouth (doctor, SLT) in the reason.</source>
        <translation>{drug} est noté administré {route} à {time}, et le patient a échoué au dépistage de la déglutition à {screened} : aucun médicament par la bouche. Le donner par une autre voie décidée par le médecin, ou indiquer dans le motif qui l’a autorisé par la bouche (médecin, orthophoniste).</translation>
    </message>
    <message>
        <source>{drug} is recorded given {route} at {time}, and the patient, admitted with a stroke at {arrived}, has no swallow screen recorded: nothing by mouth, medicines included, until a screen is passed. Screen the swallow first, or give it by another route the doctor decides, or say who allowed it by mouth in the reason.</source>
        <translation>{drug} est noté administré {route} à {time}, et le patient, admis pour un AVC à {arrived}, n’a aucun dépistage de la déglutition noté : rien par la bouche, médicaments compris, avant un dépistage réussi. Dépister d’abord la déglutition, ou le donner par une autre voie décidée par le médecin, ou indiquer dans le motif qui l’a autorisé par la bouche.</translation>
    </message>
    <message>
        <source>{drug} is recorded given by nasogastric tube at {time}, and {tube}: through a misplaced tube it goes into the lungs. Confirm the position now (aspirate pH {ph} or below, or an X-ray read by a doctor) and chart it on the Lines and catheters tab; if it was confirmed before this dose, say how in the reason.</source>
        <translation>{drug} est noté administré par sonde nasogastrique à {time}, et {tube} : par une sonde mal placée, il passe dans les poumons. Vérifier la position maintenant (pH de l’aspiration {ph} ou moins, ou radiographie interprétée par un médecin) et la noter dans l’onglet Cathéters et sondes ; si elle a été vérifiée avant cette dose, dire comment dans la raison.</translation>
    </message>
    <message>
        <source>the tube's position is not confirmed on the line chart ({site}, checked {checked})</source>
        <translation>la position de la sonde n’est pas vérifiée sur la feuille des cathéters et sondes ({site}, surveillance {checked})</translation>
    </message>
    <message>
        <source>the tube was charted in during the stay that ended {ended}, its position not charted since ({site})</source>
        <translation>la sonde a été notée en place pendant le séjour terminé le {ended}, sa position non notée depuis ({site})</translation>
    </message>
    <message>
        <source>{drug} is recorded given from the paper chart by nasogastric tube at {time}, and {tube}: given already through a tube whose position was not charted as confirmed. Report it as an incident and tell the doctor now (through a misplaced tube it goes into the lungs: watch for aspiration).</source>
        <translation>{drug} est noté administré d’après la feuille papier par sonde nasogastrique à {time}, et {tube} : déjà donné par une sonde dont la position n’a pas été notée vérifiée. Le signaler comme événement indésirable et prévenir le médecin maintenant (par une sonde mal placée, il passe dans les poumons : surveiller une inhalation).</translation>
    </message>
    <message>
        <source>Given by an NG tube not charted as confirmed</source>
        <translation>Donné par une SNG dont la position n’a pas été notée vérifiée</translation>
    </message>
    <message>
        <source>the tube is charted taken out at {checked} ({site}) and none is charted in since</source>
        <translation>la sonde est notée retirée ({site}, {checked}) et aucune n’est notée en place depuis</translation>
    </message>
    <message>
        <source>the tube's position check is overdue on the line chart ({site}, checked {checked}, due {due})</source>
        <translation>la vérification de la position de la sonde est en retard sur la feuille des cathéters et sondes ({site}, surveillance {checked}, prévue {due})</translation>
    </message>
    <message>
        <source>{drug} {route}: the patient failed the swallow screen at {screened}: no medicines by mouth. Choose another route (NG, IV, SC, PR, a patch), or give in “{field}” who allowed it by mouth (the SLT).</source>
        <translation>{drug} {route} : le patient a échoué au dépistage de la déglutition à {screened}, aucun médicament par la bouche. Choisir une autre voie (SNG, IV, SC, IR, patch), ou indiquer dans « {field} » qui l’a autorisé par la bouche (l’orthophoniste).</translation>
    </message>
    <message>
        <source>DEATH NOT VERIFIED YET: recorded before it was verified; enter the death once a later version of this record says it is verified</source>
        <translation>DÉCÈS PAS ENCORE CONSTATÉ : enregistré avant d’avoir été constaté ; saisir le décès une fois qu’une version ultérieure de cet enregistrement le dit constaté</translation>
    </message>
    <message>
        <source>{rate} mL/h is {day} mL a day, above {times} times an adult's routine maintenance for {kg} kg ({limit} mL/h: 25-30 mL/kg a day, NICE CG174; less for the old, the frail and in kidney or heart failure)</source>
        <translation>{rate} mL/h font {day} mL par jour, plus de {times} fois les apports d’entretien d’un adulte de {kg} kg ({limit} mL/h : 25-30 mL/kg par jour, NICE CG174 ; moins chez le sujet âgé ou fragile et en insuffisance rénale ou cardiaque)</translation>
    </message>
    <message>
        <source>{finding}: check the rate. If it is meant (losses replaced, a resuscitation), give the reason in “{field}”.</source>
        <translation>{finding} : vérifier le débit. S’il est voulu (pertes compensées, réanimation), donner la raison dans « {field} ».</translation>
    </message>
    <message>
        <source>{drug}: pulse {pulse}/min at {time} on the observations, under {most}: withhold the dose and tell the doctor (a slow pulse is the first sign of digoxin toxicity). Take the apical pulse for a full minute; if the doctor says to give it, say so in the reason.</source>
        <translation>{drug} : pouls à {pulse}/min relevé le {time} dans les paramètres, sous {most} : ne pas administrer la dose et prévenir le médecin (un pouls lent est le premier signe d’un surdosage en digoxine). Prendre le pouls apical pendant une minute entière ; si le médecin dit de la donner, l’écrire dans le motif.</translation>
    </message>
    <message>
        <source>{drug}: its last dose given was on {time}, more than 48 hours ago: after such a break clozapine is restarted at {restart} mg and built up again (its usual dose can cause collapse, a slow heart and stopped breathing). Tell the prescriber; give it only on their decision, named in the reason.</source>
        <translation>{drug} : sa dernière dose administrée date du {time}, il y a plus de 48 heures : après une telle interruption, la clozapine est reprise à {restart} mg puis augmentée à nouveau (sa dose habituelle peut provoquer un collapsus, un cœur lent et un arrêt respiratoire). Prévenir le prescripteur ; ne la donner que sur sa décision, nommée dans le motif.</translation>
    </message>
    <message>
        <source>{drug}: LITHIUM LEVEL {result} ({range}) received {time}: above its range: hold it and ask the doctor (toxic from 1.5 mmol/L: tremor, vomiting, confusion).</source>
        <translation>{drug} : LITHÉMIE {result} ({range}) reçue le {time} : au-dessus de la cible : suspendre et demander au médecin (toxique dès 1,5 mmol/L : tremblements, vomissements, confusion).</translation>
    </message>
    <message>
        <source>{drug}: lithium level {result} ({range}) received {time}: order amended by the prescriber since: “{reason}”.</source>
        <translation>{drug} : lithémie {result} ({range}) reçue le {time} : prescription modifiée depuis par le prescripteur : « {reason} ».</translation>
    </message>
    <message>
        <source>{drug}: LITHIUM LEVEL {result} ({range}) received {time}: above its range.</source>
        <translation>{drug} : LITHÉMIE {result} ({range}) reçue le {time} : au-dessus de la cible.</translation>
    </message>
    <message>
        <source>{drug} raises the lithium level, and the patient is on {lithium}: an NSAID, an ACE inhibitor, an angiotensin receptor blocker or a diuretic slows its clearance, toxic within days (NICE CG185, BNF). Prescribe another, or check a lithium level within a week and give the reason in “{field}”.</source>
        <translation>{drug} augmente la lithémie, et le patient est sous {lithium} : un AINS, un IEC, un antagoniste des récepteurs de l’angiotensine ou un diurétique ralentit son élimination, toxique en quelques jours (NICE CG185, BNF). Prescrire un autre médicament, ou contrôler la lithémie dans la semaine et donner la raison dans « {field} ».</translation>
    </message>
</context>
</TS>
