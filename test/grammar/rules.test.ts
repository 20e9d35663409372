import { applyRules, vetoesHarperFix } from '../../lambdas/grammar/rules';
import { itAppliesRules, type RuleCase } from './rule-cases';

describe('grammar rules', () => {
  it.each([
    ['plural after a number', 'I bought two book', 'I bought two books'],
    ['irregular plural after a quantifier', 'there are many child here', 'there are many children here'],
    ['agreement with a singular noun subject', 'my sister have a car', 'my sister has a car'],
    ['agreement with a bare verb', 'my friend like football', 'my friend likes football'],
    ['a verb the lexicon files as a noun, after a person', 'my sister cook dinner every day', 'my sister cooks dinner every day'],
    ['the same with a plural object', 'the teacher answer questions', 'the teacher answers questions'],
    ['the same before a preposition', 'my mother live in London and my brother work hard', 'my mother lives in London and my brother works hard'],
    ['the same in the third person after plural people', 'the children plays in the garden and my parents lives here', 'the children play in the garden and my parents live here'],
    ['"many" before a mass noun', 'how many money do you have and too many homework', 'how much money do you have and too much homework'],
    ['a feeling after "I"/"we" is the -ed form', "i am interesting in music and we're exciting about it", "I am interested in music and we're excited about it"],
    ['a plural noun\'s relative clause takes the base of a lexical verb', 'a lot of people who thinks so', 'a lot of people who think so'],
    ['the same with a verb the lexicon files as a noun', 'the students who works hard pass', 'the students who work hard pass'],
    ['a base verb after a modal, from its -ing form or a plural-looking third person', 'i will going there and he must finishes it', 'I will go there and he must finish it'],
    ['a short adjective compares with -er', 'she is more tall than me and this is more good than that', 'she is taller than me and this is better than that'],
    ['a finished past time takes the simple past', 'i have seen him yesterday and we have went there last week', 'I saw him yesterday and we went there last week'],
    ['no "to" after a negated modal, or after a question\'s subject', "You mustn't to smoke here. Can you to tell me?", "You mustn't smoke here. Can you tell me?"],
    ['"would like" takes "to"', 'would you like come with us', 'would you like to come with us'],
    ['a base verb after a contracted or questioning modal', "I'll helping you. Could you helping me?", "I'll help you. Could you help me?"],
    ['"many" before food, drink and weather is "much"', 'how many water do you drink and we had many rain last summer', 'how much water do you drink and we had much rain last summer'],
    ['a short adjective forms its superlative with -est', 'she is the most tall girl and this is the most good', 'she is the tallest girl and this is the best'],
    ['"there is" before a quantity of an adjective and a plural', 'in my town there is some nice restaurants and there is a lot of foreign teacher', 'in my town there are some nice restaurants and there are a lot of foreign teachers'],
    ['compounds of irregular nouns take their plural', 'she has ten grandchild and two policeman came', 'she has ten grandchildren and two policemen came'],
    ['a year before 2020 is a finished past', 'in 2010 i have moved to London', 'in 2010 I moved to London'],
    ['a singular noun in -s agrees too, and across a frequency adverb', 'the bus leave at seven and my boss always say so', 'the bus leaves at seven and my boss always says so'],
    ['a question with "do": the verb\'s base, and "do" agreeing with the subject', 'Does your brother works there? Where does your parents live? Did you went?', 'Does your brother work there? Where do your parents live? Did you go?'],
    ['a base after "do" or a modal for a third person the lexicon files as a noun\'s plural', "the shop doesn't opens and it will causes heat", "the shop doesn't open and it will cause heat"],
    ['units of time and measure after a number', 'we stayed five day, she works eight hour a day and bought three kilo of apples', 'we stayed five days, she works eight hours a day and bought three kilos of apples'],
    ['a number counts past "more", and a participle after the noun', 'we need a few more chair and he lost three tooth playing hockey', 'we need a few more chairs and he lost three teeth playing hockey'],
    ['a plural after "both of my" and the like', 'both of my sister are teachers and each of the student has a book', 'both of my sisters are teachers and each of the students has a book'],
    ['"there" + "be" agrees in questions, the perfect, and after "too", "any" and "no"', 'Is there many tourists? There has been many changes and there is too many chairs, there is no eggs', 'Are there many tourists? There have been many changes and there are too many chairs, there are no eggs'],
    ['a childhood is past, with its habits', 'when I was a child I play football every day', 'when I was a child I played football every day'],
    ['"an hour ago" is a finished past', 'i have finished my homework an hour ago', 'I finished my homework an hour ago'],
    ['prepositions some verbs and adjectives take', 'she entered in the room, I am allergic of nuts, who will take care about it and I am good in math', 'she entered the room, I am allergic to nuts, who will take care of it and I am good at math'],
    ['singular indefinite pronouns and "one of my friends"', 'everybody were singing, everyone have a phone and one of my friends live here', 'everybody was singing, everyone has a phone and one of my friends lives here'],
    ['a conjugated form takes the American spelling the lists hold, as the spelling pass would', 'last summer she travel to Italy', 'last summer she traveled to Italy'],
    ['the same in the past with a time word', 'yesterday we watch a movie and i sleep late', 'yesterday we watched a movie and I slept late'],
    ['agreement with a plural noun subject', 'the children is happy', 'the children are happy'],
    ['"people" is plural', 'people is tired', 'people are tired'],
    ['there is + plural', 'there is many reasons', 'there are many reasons'],
    ['there was + a lot of plural', 'there was a lot of cars', 'there were a lot of cars'],
    ['past tense with "yesterday"', 'yesterday i go to the market and buy food', 'yesterday I went to the market and bought food'],
    ['past of be with "last week"', 'last week they are in Paris', 'last week they were in Paris'],
    ['base form after a modal', 'he can goes there', 'he can go there'],
    ['base form after did not', "I didn't went home", "I didn't go home"],
    ['false plural of an uncountable noun', 'I need some informations', 'I need some information'],
    ['a mass noun agrees as a singular one', 'the information are useful and my homework were done', 'the information is useful and my homework was done'],
    ['double comparative', 'this is more better', 'this is better'],
    ['"discuss about"', 'we discussed about it', 'we discussed it'],
    ['plural after "one of my"', 'one of my friend is here', 'one of my friends is here'],
    ['plural after "a lot of"', 'there are a lot of car in the city', 'there are a lot of cars in the city'],
    ['plural after "all"', 'all student must go', 'all students must go'],
    ['no "to" after a modal', 'I can to go home', 'I can go home'],
    ['agreement across an adjective', 'my old friends was there', 'my old friends were there'],
    ['"can not" → "cannot"', 'we can not live there', 'we cannot live there'],
    ['"lot of" without an article', 'I spent lot of time there', 'I spent a lot of time there'],
    ['pronoun agreement with "have"', 'In addition, it have a bad effect', 'In addition, it has a bad effect'],
    ['pronoun agreement with a bare verb', 'he want to leave', 'he wants to leave'],
    ['bare noun subject with a plural verb', 'however, doctor agree that it helps', 'however, doctors agree that it helps'],
    ['"the" before a superlative after "be"', 'this is most important thing', 'this is the most important thing'],
    ['"the" before "same"', 'we left at same time', 'we left at the same time'],
    ['"most of" + bare plural', 'most of people like it', 'most people like it'],
    ['"a" before a bare singular noun after "be"', 'she is teacher in our town', 'she is a teacher in our town'],
    ['"a" before an always-counted noun after "bring"', 'he will bring good idea to the meeting', 'he will bring a good idea to the meeting'],
    ['"a" before an always-counted noun after "found"', 'she finally found job in the city', 'she finally found a job in the city'],
    ['no "a" before a possibly mass noun after "need"', 'we need help with the garden', 'we need help with the garden'],
    ['no "a" before a possibly mass noun after "buy"', 'they buy milk and bread', 'they buy milk and bread'],
    ['no "a" before a verb after "need"', 'we need talk about the plan', 'we need talk about the plan'],
    ['"a" before an adjective and noun after "have"', 'I have new car.', 'I have a new car.'],
    ['"an" before a vowel', 'This is important problem for us', 'This is an important problem for us'],
    ['"people" is plural after an adjective', 'I think young people is tired', 'I think young people are tired'],
    ['plural after "these" before an adverb', 'we study these subject very hard', 'we study these subjects very hard'],
    ['"these" before a plural noun', 'this animals are wild', 'these animals are wild'],
    ['singular noun after "an"', 'he will become an experts in those areas', 'he will become an expert in those areas'],
    ['pronoun agreement across a frequency adverb', 'she usually bring a book', 'she usually brings a book'],
    ['keeps capitalisation and punctuation', 'My sister have two book.', 'My sister has two books.'],
  ])('%s', (_name, input, expected) => {
    expect(applyRules(input)).toBe(expected);
  });

  it.each([
    'I bought two books',
    'two car accidents happened',
    'my sister has a car',
    'The family has a dog.',
    'there is a lot of water',
    'there is some milk',
    'I go to the market every day',
    'Yesterday I said that I will go tomorrow',
    'he can go there',
    'I want to used cars',
    'my friends like football',
    'the people who live here are kind',
    'It is time to go.',
    'the other student is here',
    'I stayed there all day',
    'each other student',
    'I want to go home',
    'the big house is nice',
    'he can not only sing but also dance',
    'we cannot live there',
    'the parking lot of the mall',
    'I spent a lot of time there',
    'we made it work in time',
    'does he want to leave',
    'he wants to leave',
    'my father and mother want to visit',
    'John agree that it helps',
    'he last chose to leave',
    'this is the most important thing',
    'most of the people like it',
    'she is most kind to us',
    'it is best to leave early',
    'she is a teacher in our town',
    'I have time for that',
    'he is at home with us',
    'this is part of the plan',
    'we have many problems',
    'it was a car accident',
    'I think young people are tired',
    'a people is a nation',
    'several human processes',
    'This shows that we care.',
    'this means that we care',
    'a few days later',
    'a series of events',
    'these animals are wild',
    'she usually brings a book',
    'he never did it',
    'the result will be a succes in things',
    'we study these subjects very hard',
    'the usages apply to both Rust and Node.js',
    'Both have very nice APIs.',
    'the address for both UDP and TCP',
    'KaiOS is an exception.',
    'The color code sequence is automatically added.',
    'This sample code works with any client.',
    'Array-ish methods all act like you would expect.',
    'If the parent process exits, you can stop.',
    'When some other form of matching is used.',
    'The name of that segment is set to the default name.',
    'Values can be set or read.',
    'The tests should be run by one worker.',
    'Glob searching, by its very nature, is slow.',
    'the array of patterns that was used',
    'this indicates that there is data to read',
    'knowledge is power',
    'The student study guide is useful.',
    'the employee work schedule changed',
    'The teacher answer key is here.',
    'my sister cook dinner yesterday',
    'The parents work schedule was posted.',
    'many software engineers work here',
    'he has 3 years old cars',
    'in the night sky',
    'a little of the cake',
    'It was so good.',
    'He works as a teacher.',
    'It rained during most of our trip.',
    "you're used to doing it in your CSS",
    'managers used to dealing with windows',
    'I am used to living here.',
    'The dog was bored.',
    'I care about you.',
    'the mistakes we did',
    'I learned her name.',
    'Can I borrow your pen?',
    'enter into an agreement',
    'It is good in the oven.',
    'we have two years left',
    'I went to swimming lessons.',
    'enough good reasons',
    'a regression for code that relies on it',
    'Is it cold?',
    'Go to home page.',
    'Listen, my friend.',
    'When I was young I will go.',
    'I want swimming lessons.',
    'The car needs cleaning.',
    'always keeping to old ways',
    'keep in mind to save it',
    'It was suggested to go.',
    'Is there any milk?',
    'some of the water',
    'all of my money',
    'Why do my father and mother want to visit?',
    'Should arrays consume more than one argument?',
    'what it does (looks like a kludge)',
    'Do your homework now.',
    'There is some nice food.',
    'My grandmother has ten grandchildren.',
    'two humans and three Germans',
    'the will to live',
    'many coffee shops',
    'the most real thing',
    'I am not like him.',
    'I insist that he not go.',
    'I told that story twice.',
    'I was told to my surprise.',
    "There's a lot of fog on the motorway this morning.",
    'I have a lot of work to do.',
    'Did you sleep well last night?',
    'Did you go there yesterday?',
    'it is more likely than not',
    'it is more real than it looks',
    'I have lived here since last year.',
    'I have to admit I saw it yesterday.',
    'which are considered to have been made',
    'it is a good practice to restrict it',
    'I no longer work here.',
    'They are clean and big.',
    'The can opening tool.',
    'I have 20 years of experience.',
    'What did he say to them?',
    'I look forward to the new things.',
    'She is interesting in many ways.',
    'This book is interesting in parts.',
    'The girls study abroad programs are popular.',
    'the students works are shown',
    'they have hope and energy',
    'it is art',
  ])('leaves correct text alone: %s', (text) => {
    expect(applyRules(text)).toBe(text);
  });

  it('adds commas after openers and before clause-joining "but" in written text only', () => {
    expect(applyRules('However we went home.', { written: true })).toBe('However, we went home.');
    expect(applyRules('they can play whenever they want but the elders cannot', { written: true })).toBe('they can play whenever they want, but the elders cannot');
    expect(applyRules('they can play whenever they want but the elders cannot')).toBe('they can play whenever they want but the elders cannot');
    expect(applyRules('It is so nice but hard.', { written: true })).toBe('It is so nice but hard.');
    expect(applyRules('However, we went home.', { written: true })).toBe('However, we went home.');
    expect(applyRules('In this case we stay home.', { written: true })).toBe('In this case, we stay home.');
    expect(applyRules('We saw an old house which was built long ago.', { written: true })).toBe('We saw an old house, which was built long ago.');
    expect(applyRules('We saw an old house in which we lived.', { written: true })).toBe('We saw an old house in which we lived.');
    expect(applyRules('We saw an old house which was built long ago')).toBe('We saw an old house which was built long ago');
  });

  it('adds a comma after an introductory subordinate clause only at a certain boundary, in written text', () => {
    expect(applyRules('If it rains we will stay home.', { written: true })).toBe('If it rains, we will stay home.');
    expect(applyRules('When I was young I was happy.', { written: true })).toBe('When I was young, I was happy.');
    expect(applyRules('When I was young, I was happy.', { written: true })).toBe('When I was young, I was happy.');
    expect(applyRules('If you think they are right you can go.', { written: true })).toBe('If you think they are right you can go.');
    expect(applyRules('When we were young we played.', { written: true })).toBe('When we were young we played.');
    expect(applyRules('if it rains we will stay home')).toBe('if it rains we will stay home');
    expect(applyRules('I like it especially in winter.', { written: true })).toBe('I like it, especially in winter.');
    expect(applyRules('It is not especially good.', { written: true })).toBe('It is not especially good.');
    expect(applyRules('It is especially good in winter.', { written: true })).toBe('It is especially good in winter.');
    expect(applyRules('I like it for example in winter.', { written: true })).toBe('I like it, for example, in winter.');
    expect(applyRules('I like it, for example, in winter.', { written: true })).toBe('I like it, for example, in winter.');
    expect(applyRules('a case in court -- for example a hard one', { written: true })).toBe('a case in court -- for example a hard one');
  });

  it('leaves correct spoken English alone: a memory after "forget", a filler "you know", a clause after "told me", "than the others"', () => {
    for (const s of [
      "I'll never forget seeing the ocean for the first time.",
      'You know, I never really liked that place.',
      'Although the doctor told me I should rest for a few days, I had to go back to work.',
      'The apartment was bigger and cheaper than the others, but it was too far.',
    ]) {
      expect(applyRules(s, { written: true })).toBe(s);
    }
    expect(applyRules("Don't forget buying milk.", { written: true })).toBe("Don't forget to buy milk.");
  });

  it('is idempotent', () => {
    for (const s of ['yesterday i go and buy two apple', 'my sister have many child', 'there is many people who is here', 'he want lot of money', 'most of people is at same time', 'she is teacher', 'If it rains we will stay home.', 'a case in court -- for example a hard one', 'we went to the old house -- but they stayed home']) {
      expect(applyRules(applyRules(s))).toBe(applyRules(s));
      const written = applyRules(s, { written: true });
      expect(applyRules(written, { written: true })).toBe(written);
    }
  });
});

/** [what, input, expected, written text?]; each is also checked to be a fixed point of the rules. */
const CASES: readonly RuleCase[] = [
  ['\', but\' before a clause opened by "it\'s"', 'Cars must be checked every few years but it\'s very expensive.', 'Cars must be checked every few years, but it\'s very expensive.', true],
  ['\', so\' before a clause opened by a subject pronoun', 'We were all very tired after the game so we went home.', 'We were all very tired after the game, so we went home.', true],
  ['… but not after "do so" ending a phrase', 'When the children started to do so, they were happy.', 'When the children started to do so, they were happy.', true],
  ['"the" before "same" after "not" or "have"', 'The two results are not same and they have same value.', 'The two results are not the same and they have the same value.', true],
  ['… but not after a determiner or a comma', 'They have this same value, same as before.', 'They have this same value, same as before.', true],
  ['… or by "even"', 'A young person wants to do many things but even if he fails he learns.', 'A young person wants to do many things, but even if he fails he learns.', true],
  ['an opening \'Then\' before a clause', 'Then when we went to the park it rained.', 'Then, when we went to the park it rained.', true],
  ['… \'by then\' before a subject', 'But by then we had already bought it.', 'But by then, we had already bought it.', true],
  ['… but not a plain \'Then\'', 'Then we went home.', 'Then we went home.', true],
  ['\'however\' between subject and verb', 'A younger person however will need time.', 'A younger person, however, will need time.', true],
  ['… not between two clauses', 'It was cheap however it broke.', 'It was cheap however it broke.', true],
  ['… nor as a degree word', 'However much he tried he failed.', 'However much he tried he failed.', true],
  ['\'the more …, the better …\'', 'The more languages you know the better you can speak.', 'The more languages you know, the better you can speak.', true],
  ['… written text only', 'The more languages you know the better you can speak', 'The more languages you know the better you can speak', false],
  ['\', which\' after a mass noun', 'These systems run on electricity which can be stored.', 'These systems run on electricity, which can be stored.', true],
  ['… and after a name', 'The first place I went was Kyoto which is beautiful.', 'The first place I went was Kyoto, which is beautiful.', true],
  ['… not after a verb', 'I do not know which is better.', 'I do not know which is better.', true],
  ['capitalises "i" and its contractions', "yesterday i said i'm sure i'd come", "yesterday I said I'm sure I'd come", false],
  ['not list numbering', 'see point (i) above', 'see point (i) above', false],
  ['a noun compound before a modal is not subject and verb', 'In this case, a tour guide can be helpful.', 'In this case, a tour guide can be helpful.', true],
  ['commas come before the agreement rules that look for clause starts', 'Also the city have less traffic.', 'Also, the city has less traffic.', true],
  ['comma after an opening phrase before a pronoun and auxiliary', 'As a young person you can do it.', 'As a young person, you can do it.', true],
  ['… before a determiner, noun and modal', 'In a market economy the price must reflect it.', 'In a market economy, the price must reflect it.', true],
  ['… before "there" and a modal', 'Without facts there will be no science.', 'Without facts, there will be no science.', true],
  ['… before a pronoun and a past verb', 'After the war they moved to Paris.', 'After the war, they moved to Paris.', true],
  ['… after a leading "Even" or "So"', 'Even after school he has to work.', 'Even after school, he has to work.', true],
  ['… after a leading connective and its comma', 'Thus, with the help of my friends I can win.', 'Thus, with the help of my friends, I can win.', true],
  ['… not after a leading word that is no connective', 'Yesterday, with my friends we can win.', 'Yesterday, with my friends we can win.', true],
  ['an introductory phrase after a leading conjunction', 'But in my opinion we should go.', 'But in my opinion, we should go.', true],
  ['… or after a leading connective and its comma', 'Thus, in my view the plan works.', 'Thus, in my view, the plan works.', true],
  ['… the phrase may go on with "to"', 'In contrast to the others it was red.', 'In contrast to the others it was red.', true],
  ['… a longer phrase is found', 'In addition to this we left early.', 'In addition to this, we left early.', true],
  ['… not in a transcript', 'but in my opinion we should go', 'but in my opinion we should go', false],
  ['… after "At"', 'At some time we have to face it.', 'At some time, we have to face it.', true],
  ['no opening-phrase comma inside "in order to"', 'In order to win you must train.', 'In order to win you must train.', true],
  ['no opening-phrase comma inside "by the time" and its clause', 'By the time I was thirty, I had moved six times.', 'By the time I was thirty, I had moved six times.', true],
  ['… nor after "from the moment"', 'From the moment we met I knew.', 'From the moment we met I knew.', true],
  ['no plural of a verb after "you two"', 'How did you two meet?', 'How did you two meet?', true],
  ['… but a plural after a number still', 'We have two book.', 'We have two books.', true],
  ['no article before "back" after "be"', 'The results should be back by Monday.', 'The results should be back by Monday.', true],
  ['no past tense for a verb whose time word dates a later past clause', 'I am calling about the order I placed last week.', 'I am calling about the order I placed last week.', true],
  ['… nor when the past clause has an -ed form the lexicon files as an adjective', 'we go to the cinema and we watched a film last week', 'we go to the cinema and we watched a film last week', false],
  ['… but a time word before the verbs still dates them', 'yesterday we went to the market and buy a book', 'yesterday we went to the market and bought a book', false],
  ['no opening-phrase comma after a clause', 'As you can see it is late.', 'As you can see it is late.', true],
  ['no opening-phrase comma before "it is"', 'For me it is hard.', 'For me it is hard.', true],
  ['no opening-phrase comma in a transcript', 'after the war they moved to paris', 'after the war they moved to paris', false],
  ['… after the phrase, never after its determiner', 'In the old age the people have left.', 'In the old age, the people have left.', true],
  ['… before a definite subject and an auxiliary', 'With the help of my friends the best team was ours.', 'With the help of my friends, the best team was ours.', true],
  ['… not before a definite noun and a lexical verb', 'In the box the cat sleeps.', 'In the box the cat sleeps.', true],
  ['… nor before a relative clause', 'In this country the people who have cars are rich.', 'In this country the people who have cars are rich.', true],
  ['no comma in "and so on"', 'They sell food, drinks and so on.', 'They sell food, drinks and so on.', true],
  ['no comma before "but also"', 'It is used by not only seniors but also students.', 'It is used by not only seniors but also students.', true],
  ['joins "him self"', 'He will consider him self lucky.', 'He will consider himself lucky.', true],
  ['joins "some times" and "some thing"', 'Some times I buy some thing.', 'Sometimes I buy something.', true],
  ['joins "there fore" before the comma rules look', 'There fore we went with out them.', 'Therefore, we went without them.', true],
  ['a bare plural subject takes a plural verb', 'Cats is nice but dogs has fleas.', 'Cats are nice but dogs have fleas.', false],
  ['a counted noun before "during"', 'It lessens the number of car during the rush hour.', 'It lessens the number of cars during the rush hour.', false],
  ['a counted noun before a new clause\'s subject', 'For these reason we left early.', 'For these reasons, we left early.', true],
  ['… not the first half of a compound', 'We saw two car accidents.', 'We saw two car accidents.', true],
  ['… after "that"', 'I know that animals is clever.', 'I know that animals are clever.', false],
  ['… after a sentence-opening "And"', 'And students is the key.', 'And students are the key.', false],
  ['… but not ending a compound subject', 'My friends and students is here.', 'My friends and students is here.', false],
  ['… not a singular in -s', 'Physics is hard.', 'Physics is hard.', false],
  ['… not "the news"', 'The news is good.', 'The news is good.', false],
  ['"depend of"', 'It depends of the weather.', 'It depends on the weather.', false],
  ['"interested about"', 'I am interested about music.', 'I am interested in music.', false],
  ['"married with"', 'She is married with a doctor.', 'She is married to a doctor.', false],
  ['"afraid from"', 'I am afraid from dogs.', 'I am afraid of dogs.', false],
  ['"responsible of"', 'He is responsible of the team.', 'He is responsible for the team.', false],
  ['the noun "interest" keeps its preposition', 'I have an interest for art.', 'I have an interest for art.', false],
  ['"the number of people" keeps a singular verb', 'The number of people is high.', 'The number of people is high.', false],
  ['a plural after "the number of"', 'The number of car is high.', 'The number of cars is high.', false],
  ['no "an" before a mass noun', 'We share an information.', 'We share information.', false],
  ['no "a" before an adjective and a mass noun', 'She gave me a good advice.', 'She gave me good advice.', false],
  ['the capital moves to the mass noun', 'An information is useful.', 'Information is useful.', false],
  ['"a knowledge of" stays', 'A knowledge of French helps.', 'A knowledge of French helps.', false],
  ['no "a" before "many"', 'It lasted for a many years.', 'It lasted for many years.', false],
  ['"a great many" stays', 'It lasted a great many years.', 'It lasted a great many years.', false],
  ['bare infinitive after make + object', 'Advertisements make me to buy things.', 'Advertisements make me buy things.', false],
  ['no "as" after "considered"', 'Sex is considered as the least important topic.', 'Sex is considered the least important topic.', false],
  ['no "as" after "consider" + object', 'Do we consider her as a smart girl?', 'Do we consider her a smart girl?', false],
  ['"considered as a whole" stays', 'It is considered as a whole.', 'It is considered as a whole.', false],
  ['"made it to" stays', 'He made it to the end.', 'He made it to the end.', false],
  ['"want them to" stays', 'I want them to go.', 'I want them to go.', false],
  ['no "the" in a comparison with a whole class', 'Ideas are more reliable than the facts.', 'Ideas are more reliable than facts.', true],
  ['… but "than the others" stays: the others may be particular ones', 'Movies are better than the others, especially funny ones.', 'Movies are better than the others, especially funny ones.', true],
  ['"than the boys in his class" stays', 'He is taller than the boys in his class.', 'He is taller than the boys in his class.', true],
  ['… nor before "other people"', 'She works harder than the other people.', 'She works harder than other people.', true],
  ['"than the other people here" stays', 'She works harder than the other people here.', 'She works harder than the other people here.', true],
  ['"its" before an adverb is "it\'s"', 'but its very expensive to do.', "but it's very expensive to do.", false],
  ['"its very own" stays', 'The company and its very own staff.', 'The company and its very own staff.', false],
  ['"its tail" stays', 'The dog wagged its tail.', 'The dog wagged its tail.', false],
  ['"a" before a countable noun compromise does not know', 'They will have chance to find jobs.', 'They will have a chance to find jobs.', false],
  ['… after "without"', 'We traveled without guide.', 'We traveled without a guide.', false],
  ['"easy to me to" → "easy for me to"', 'It was very easy to me to understand why.', 'It was very easy for me to understand why.', false],
  ['… with a noun phrase', 'That would be too hard to an old person to do.', 'That would be too hard for an old person to do.', false],
  ['"easy to say to them" stays', 'It is easy to say to them.', 'It is easy to say to them.', false],
  ['a plural subject takes the base form', 'Many people thinks that it is true.', 'Many people think that it is true.', false],
  ['… after a plural possessive phrase', 'My parents wants a car.', 'My parents want a car.', false],
  ['no comma after a sentence-opening "But"', 'But, I went to Juju island.', 'But I went to Juju island.', true],
  ['no comma between "believe" and its clause', 'I believe, that the product is good.', 'I believe that the product is good.', true],
  ['an aside closed by a second comma stays', 'But, of course, we agree.', 'But, of course, we agree.', true],
  ['a missing "is" between a pronoun and an adjective', 'it very hard to stay.', 'it is very hard to stay.', false],
  ['… "are" and "am"', 'They happy because I sure.', 'They are happy because I am sure.', false],
  ['… not before a participle', 'I stated to have been interested.', 'I stated to have been interested.', false],
  ['… not before "left"', 'we left at the same time', 'we left at the same time', false],
  ['"the" before a superlative subject', 'Best way is to study.', 'The best way is to study.', false],
  ['"Best regards" stays', 'Best regards, John.', 'Best regards, John.', true],
  ['no "the" before a demonstrative', 'For the these reasons, I agree.', 'For these reasons, I agree.', true],
  ['no "the" before nature meant in general', 'We must protect the nature for the future.', 'We must protect nature for the future.', true],
  ['… nor before society at the end', 'It is good for the society.', 'It is good for society.', true],
  ['"the society of" stays', 'The society of Rome was old.', 'The society of Rome was old.', true],
  ['"the nature we have" stays', 'I love the nature we have.', 'I love the nature we have.', true],
  ['"lot of" after "be"', 'It will be lot of fun.', 'It will be a lot of fun.', false],
  ['"a lot of" after "be" stays', 'It will be a lot of fun.', 'It will be a lot of fun.', false],
  ['"for long time" takes "a"', 'we waited for long time', 'we waited for a long time', false],
  ['… and "in short time"', 'She learned it in short time.', 'She learned it in a short time.', false],
  ['"not for long" stays', 'It will not last for long.', 'It will not last for long.', false],
  ['"for the long time" stays', 'Thanks for the long time you gave us.', 'Thanks for the long time you gave us.', false],
  ['"we all are" → "we are all"', 'and we all are happy here', 'and we are all happy here', false],
  ['… "they both were"', 'They both were tired.', 'They were both tired.', true],
  ['"we all have" stays', 'We all have a dream.', 'We all have a dream.', true],
  ['"who we all are" stays', 'This is who we all are.', 'This is who we all are.', true],
  ['"almost people" → "most people"', 'almost people like music', 'most people like music', false],
  ['"almost students" → "most students" after a conjunction', 'and almost students agree with it', 'and most students agree with it', false],
  ['"almost all people" stays', 'almost all people like music', 'almost all people like music', false],
  ['"are almost strangers" stays', 'they are almost strangers now', 'they are almost strangers now', false],
  ['"could lost" → "could lose"', 'they could lost their jobs', 'they could lose their jobs', false],
  ['"didn\'t left" → "didn\'t leave"', "he didn't left the house", "he didn't leave the house", false],
  ['"his will left" stays (a noun)', 'his will left nothing to them', 'his will left nothing to them', false],
  ['"will be lost" stays', 'the data will be lost', 'the data will be lost', false],
  ['"in may parts" → "in many parts"', 'it rains in may parts of the country', 'it rains in many parts of the country', false],
  ['"there may be" stays', 'there may be problems in may', 'there may be problems in may', false],
  ['"as may seem" stays', 'it is not as bad as may seem', 'it is not as bad as may seem', false],
  ['"the lots of" → "a lot of"', 'we spent the lots of money', 'we spent a lot of money', false],
  ['"lots of" stays', 'we spent lots of money', 'we spent lots of money', false],
  ['"the lots were" stays', 'the lots were sold quickly', 'the lots were sold quickly', false],
  ['"in internet" → "on the internet"', 'there are hackers in internet and thieves', 'there are hackers on the internet and thieves', false],
  ['"from internet" → "from the internet"', 'I got it from Internet', 'I got it from the Internet', false],
  ['"of internet users" stays (a modifier)', 'the number of internet users grows', 'the number of internet users grows', false],
  ['"or internet" stays', 'books or internet', 'books or internet', false],
  ['"in weekend" → "on the weekend"', 'we go shopping in weekend', 'we go shopping on the weekend', false],
  ['"in weekends" → "on weekends"', 'we rest in weekends', 'we rest on weekends', false],
  ['"in the weekend edition" stays', 'it was in the weekend edition', 'it was in the weekend edition', false],
  ['"in weekend traffic" stays (a modifier)', 'we were stuck in weekend traffic', 'we were stuck in weekend traffic', false],
  ['"their life" → "their lives"', 'Old people want to enjoy their life.', 'Old people want to enjoy their lives.', true],
  ['… "our life" before a preposition', 'phones changed our life in many ways', 'phones changed our lives in many ways', false],
  ['"our life together" stays', 'We planned our life together.', 'We planned our life together.', true],
  ['"their life" of a singular antecedent stays', 'Everyone should enjoy their life.', 'Everyone should enjoy their life.', true],
  ['"their life insurance" stays', 'They sold their life insurance.', 'They sold their life insurance.', true],
  ['"a" before a comparative and a noun', 'They will have better chance to win.', 'They will have a better chance to win.', true],
  ['… after "is"', 'this is bigger problem for us', 'this is a bigger problem for us', false],
  ['"had better luck" stays', 'He had better luck today.', 'He had better luck today.', true],
  ['"had better go" stays', 'You had better go now.', 'You had better go now.', true],
  ['a participle before a bare plural subject', 'I know that trained dogs is calm.', 'I know that trained dogs are calm.', false],
  ['… not the verb of a relative clause', 'The virus that infected cats is rare.', 'The virus that infected cats is rare.', false],
  ['… nor after a subject pronoun', 'He said he hunted deer is fun.', 'He said he hunted deer is fun.', false],
  ['a verb-looking plural opening a clause before "is"', 'And details is what counts.', 'And details are what counts.', true],
  ['… not after "that"', 'It is a job that pays is rare.', 'It is a job that pays is rare.', false],
  ['… not "means"', 'Means is a word.', 'Means is a word.', false],
  ['… not after a subject', 'She details is odd.', 'She details is odd.', false],
  ['"be" after a modal before "able"', 'we will able to help', 'we will be able to help', false],
  ['… before a determiner', 'This will the end of it.', 'This will be the end of it.', true],
  ['… before an adjective', 'I think it will difficult.', 'I think it will be difficult.', true],
  ['… not in a question', 'Will the bus come soon?', 'Will the bus come soon?', true],
  ['… not before a verb', 'they could lose it', 'they could lose it', false],
  ['… nor before an adverb the lexicon also calls an adjective', 'They will soon forget it, and they would still like more.', 'They will soon forget it, and they would still like more.', true],
  ['"they live" takes no "are"', 'They live in Paris.', 'They live in Paris.', true],
  ['a missing "is" before a degree word and an adjective the lexicon lacks', 'It so expensive that we left.', 'It is so expensive that we left.', true],
  ['… not without the degree word', 'they expensive that', 'they expensive that', false],
  ['a relative pronoun after "a" + singular noun', 'We need a man who are strong.', 'We need a man who is strong.', true],
  ['… "have" after "each"', 'each student that have a car', 'each student that has a car', false],
  ['… not after a plural', 'We need men who are strong.', 'We need men who are strong.', true],
  ['… not after a collective noun', 'It is a couple who are happy.', 'It is a couple who are happy.', true],
  ['… not after "of" + plural', 'He is one of a few men who are here.', 'He is one of a few men who are here.', true],
  ['a relative pronoun after a plural noun', 'Children who is late must wait.', 'Children who are late must wait.', true],
  ['… "that has" after a plural', 'there are also cities that has no cars', 'there are also cities that have no cars', false],
  ['… not a clause after a verb and its object', 'I told the students that is wrong.', 'I told the students that is wrong.', true],
  ['… nor an indirect question', 'I asked the children who is first.', 'I asked the children who is first.', true],
  ['"there is" + adverb + plural', 'there is also many reasons', 'there are also many reasons', false],
  ['"there is always a way" stays', 'There is always a way.', 'There is always a way.', true],
  ['no "a" before an adverb read as an adjective', 'There is still hope.', 'There is still hope.', true],
  ['"agree" takes a noun phrase through "with"', 'I agree the idea, but she disagreed his new plan for it.', 'I agree with the idea, but she disagreed with his new plan for it.', true],
  ['… not a clause without "that"', 'I agree the plan is good and we agreed this will work.', 'I agree the plan is good and we agreed this will work.', true],
  ['… nor "agree that"', 'they agreed that it works', 'they agreed that it works', false],
  ['"to" after "want" or "decide" before a verb', 'if you want be rich you decided sell it', 'if you want to be rich you decided to sell it', false],
  ['… not before a noun or a preposition', 'I want a car and we want like that', 'I want a car and we want like that', false],
  ['… nor where "to" is there', 'She hoped to go.', 'She hoped to go.', true],
  ['a bare singular noun for a person opening a clause takes "the"', 'In the lecture, however, professor says it because teacher was wrong.', 'In the lecture, however, the professor says it because the teacher was wrong.', true],
  ['… at the start of a transcript', 'teacher can help us', 'the teacher can help us', false],
  ['… not before a plural verb, where the noun is made plural', 'however, scientist agree that it helps', 'however, scientists agree that it helps', false],
  ['… nor "nobody", a family word, a name, a noun after "that" (a determiner there)', 'Nobody is here, mother said, and Doctor Lee said that teacher is kind.', 'Nobody is here, mother said, and Doctor Lee said that teacher is kind.', true],
  ['… nor a noun describing another', 'When teacher training is over, we leave.', 'When teacher training is over, we leave.', true],
  ['a frequency adverb goes before the verb, not before its object', 'They know already the answer and we have now less money.', 'They already know the answer and we now have less money.', true],
  ['… after the agreement rules', 'the companies that has already the papers', 'the companies that already have the papers', false],
  ['… not after "be", an auxiliary or a modal', 'It is always the same, they have already gone, and we can never a day rest.', 'It is always the same, they have already gone, and we can never a day rest.', true],
  ['… nor before what is not an object', 'Cats eat often and sleep always in the sun.', 'Cats eat often and sleep always in the sun.', true],
  ['a verb that takes its object directly loses the preposition', 'They mentioned about the plan, you can trust on him, and it affects on us.', 'They mentioned the plan, you can trust him, and it affects us.', true],
  ['… not where the word is a noun', 'The trust on both sides grew, and it had a great affect on us.', 'The trust on both sides grew, and it had a great affect on us.', true],
  ['"every" before a mass noun is "all"', 'Every knowledge is useful, and each advice is good.', 'All knowledge is useful, and all advice is good.', true],
  ['… not before a counted noun it describes', 'Every software company has each homework task ready.', 'Every software company has each homework task ready.', true],
  ['counted "persons" are "people"', 'The car seats three persons, or 5 persons at most.', 'The car seats three people, or 5 people at most.', true],
  ['… not where they are not counted', 'Such persons are named in the law.', 'Such persons are named in the law.', true],
  ['a subject pronoun opening a clause takes a finite "be"', 'when you be rich and i be old', 'when you are rich and I am old', false],
  ['… not a subjunctive after "that", nor after a modal or "let"', 'I insist that you be there; you will be fine; let them be.', 'I insist that you be there; you will be fine; let them be.', true],
  ['"the important is" needs its noun', 'The important is to try, and the most interesting was the end.', 'The important thing is to try, and the most interesting thing was the end.', true],
  ['… not where the adjective stands for a thing', 'The best is yet to come, and the unknown is scary.', 'The best is yet to come, and the unknown is scary.', true],
  ['… nor a predicate', 'What I find important is time.', 'What I find important is time.', true],
  ['a counted noun before "such as"', 'We visited a lot of place such as museums.', 'We visited a lot of places such as museums.', true],
  ['… not a compound\'s first half', 'We saw many car parks such as this.', 'We saw many car parks such as this.', true],
  ['"a" before a compound of two counted nouns', 'We went without tour guide, and she is car dealer.', 'We went without a tour guide, and she is a car dealer.', true],
  ['… not before a compound with a noun used bare', 'I have lunch time now, and he has home work.', 'I have lunch time now, and he has home work.', true],
  ['singular noun after "a" when the lexicon lacks the noun but our countable list has it', 'They make a products and sell it.', 'They make a product and sell it.', true],
  ['"matter" with no subject gets "it"', "Doesn't matter if it rains, and did not matter then.", "It doesn't matter if it rains, and it did not matter then.", true],
  ['… not with a subject or in a question', "The cost doesn't matter. Does it matter?", "The cost doesn't matter. Does it matter?", true],
  ['"it\'s is" → "it is"', "It's is very clear.", 'It is very clear.', true],
  ['… "that\'s was"', "that's was fun", 'that was fun', false],
  ['"it\'s his" stays', "It's his.", "It's his.", true],
  ['a word with punctuation inside keeps its comma, once', 'Just like ya list.slice, but it works.', 'Just like ya list.slice, but it works.', true],
  ['a clause-opening "this" before a verb in -s is its subject', 'This helps when you are tired.', 'This helps when you are tired.', true],
  ['… but "this" before a plural and a verb is a determiner', 'This books are good, and I like this books.', 'These books are good, and I like these books.', true],
  ['"a different way" is one way', 'They did it in a different way, then in a completely different way.', 'They did it in a different way, then in a completely different way.', true],
  ['… while "in different way" is many', 'they do it in different way', 'they do it in different ways', false],
  ['a noun whose plural is itself keeps its number', 'Other fish will grow, and the fish are important.', 'Other fish will grow, and the fish are important.', true],
  ['"the youth" is a group', 'Also, the youth have less pressure.', 'Also, the youth have less pressure.', true],
  ['a mass noun describing a counted one keeps the article', 'I was stuck in a traffic jam at a software company.', 'I was stuck in a traffic jam at a software company.', true],
  ['… the article before a mass noun heading its phrase goes', 'They gave me an information about it.', 'They gave me information about it.', true],
  ['"do" never supports "be"', 'What they did is reduce the cost.', 'What they did is reduce the cost.', true],
  ['the opening subordinate clause may follow "But"', 'But if they need money for it they can work harder.', 'But if they need money for it, they can work harder.', true],
  ['… its main clause may open with "it is"', 'When you know the facts it is easy to decide.', 'When you know the facts, it is easy to decide.', true],
  ['… or with a contracted subject', "If the weather is good we'll walk home.", "If the weather is good, we'll walk home.", true],
  ['… not at the clause a verb takes, but after it', 'If you notice it is broken we can fix it.', 'If you notice it is broken, we can fix it.', true],
  ['… and after the object, not before it', 'When you see it it is too late.', 'When you see it, it is too late.', true],
  ['… nor after an adverb ending the clause', "If you finish early then it's fine.", "If you finish early then it's fine.", true],
  ['… nor past a comma inside the first clause', "If not, we do not need to start it's procedure.", "If not, we do not need to start it's procedure.", true],
  ['… nor in a transcript', 'but if they need money for it they can work harder', 'but if they need money for it they can work harder', false],
  ['"every", "each" and "another" count one', 'We talked to each students in the class and got another books for the trip.', 'We talked to each student in the class and got another book for the trip.', false],
  ['a word in -s known only as a verb is a plural noun after "a" or "every"', 'You will have a reasons to learn every details.', 'You will have a reason to learn every detail.', true],
  ['… and after a preposition\'s "this" ending its phrase', 'For this reasons, we stay.', 'For these reasons, we stay.', true],
  ['… but "this" before a verb is a pronoun', 'I think this needs to change, and for this reason we go.', 'I think this needs to change, and for this reason we go.', true],
  ['… and "each" and "another" may be pronouns', 'Each needs a home and another helps.', 'Each needs a home and another helps.', true],
  ['an opening phrase may end in "this" before a subject pronoun', 'With this we can start, and after these they left.', 'With this, we can start, and after these they left.', true],
  ['… or be a gerund phrase', 'By doing so we can save money.', 'By doing so, we can save money.', true],
  ['… a gerund with its object', 'After finishing this job they went home.', 'After finishing this job, they went home.', true],
  ['… but "this" before a noun is its determiner', 'In this house we live.', 'In this house we live.', true],
  ['… and a gerund is no phrase past its first word', 'For people eating here we can cook.', 'For people eating here we can cook.', true],
  ['… nor a complementiser "that"', 'In the hope that we can win we play.', 'In the hope that we can win we play.', true],
  ['"than other" heading no noun takes "the"', 'One road is shorter than other, and this one is safer than other because it is wide.', 'One road is shorter than the other, and this one is safer than the other because it is wide.', true],
  ['… not before its noun, nor after "the"', 'She is taller than other girls and older than the other.', 'She is taller than other girls and older than the other.', true],
  ['"each other" through the preposition its word takes', 'The parts are connected each other, and we communicate each other every day.', 'The parts are connected to each other, and we communicate with each other every day.', true],
  ['… not after a verb that takes it directly, nor before "each other\'s"', 'We help each other and talk each other\'s language.', 'We help each other and talk each other\'s language.', true],
  ['a missing "is" before an adverb in -ly and an adjective', 'It extremely important, and they usually late for it.', 'It is extremely important, and they are usually late for it.', true],
  ['… not where a verb follows the adverb, nor before a noun', 'They usually walk home, and it really good food.', 'They usually walk home, and it really good food.', true],
  ['… the opening clause may end in "like that"', 'If you do it like that you will fail.', 'If you do it like that, you will fail.', true],
  ['… but a "that" after a verb still opens its clause', 'When you say that it is true you lie.', 'When you say that it is true you lie.', true],
  ['… or "Even though", "Even if"', 'Even if it rains we will go.', 'Even if it rains, we will go.', true],
  ['… but "Even" opens no clause on its own', 'Even more people will come if they can.', 'Even more people will come if they can.', true],
  ['… but a number may follow them', 'We meet every two weeks and each of the students stays another three days.', 'We meet every two weeks and each of the students stays another three days.', true],
];

describe('words that name Object members', () => {
  it('are plain words, not table entries', () => {
    for (const text of ['The client constructor is called once.', 'Its toString and valueOf are used.', 'He constructor the hasOwnProperty of __proto__.']) {
      expect(applyRules(text, { written: true })).toBe(text);
    }
  });
});

describe('Harper fixes our lexicon knows better', () => {
  it('keep the article of a counted noun', () => {
    expect(vetoesHarperFix('like ', 'a thief', 'thief', '.')).toBe(true);
    expect(vetoesHarperFix('like ', 'an apple', 'apple', '.')).toBe(true);
    expect(vetoesHarperFix('me ', 'an advice', 'advice', '.')).toBe(false);
    expect(vetoesHarperFix('do ', 'a homework', 'homework', '.')).toBe(false);
    expect(vetoesHarperFix('like ', 'a thief', 'some thief', '.')).toBe(false);
  });

  it('keep "you" before a number or a time, which their PossessiveYour reads as "your"', () => {
    expect(vetoesHarperFix('', 'You', 'Your', ' two should come over.')).toBe(true);
    expect(vetoesHarperFix('we were thinking about ', 'you', 'your', ' yesterday')).toBe(true);
    expect(vetoesHarperFix('I like ', 'you', 'your', ' car')).toBe(false);
  });

  it('keep a plural noun after "you" or "we", which their agreement rule reads as the verb', () => {
    expect(vetoesHarperFix('do you ', 'guys', 'guy', ' have any bread')).toBe(true);
    expect(vetoesHarperFix('are we ', 'girls', 'girl', ' ready')).toBe(true);
    expect(vetoesHarperFix('you ', 'gets', 'get', ' it')).toBe(false);
  });

  it('keep "effect" where it heads a noun phrase its verb follows', () => {
    expect(vetoesHarperFix('reasons that the placebo ', 'effect', 'affect', ' works.')).toBe(true);
    expect(vetoesHarperFix('The ', 'effect', 'affect', ' is clear.')).toBe(true);
    expect(vetoesHarperFix('This decision ', 'effects', 'affects', ' everyone.')).toBe(false);
    expect(vetoesHarperFix('The weather ', 'effects', 'affects', ' us.')).toBe(false);
    expect(vetoesHarperFix('It will ', 'effect', 'affect', ' the results.')).toBe(false);
  });

  it('keep words apart, or together, unless the join or split gives words we know', () => {
    expect(vetoesHarperFix('contributing ', 'bug fixes', 'bugfixes', ' or')).toBe(true);
    expect(vetoesHarperFix('to the ', "presigner's", "pre signer's", ' key')).toBe(true);
    expect(vetoesHarperFix('I ', 'can not', 'cannot', ' go')).toBe(false);
    expect(vetoesHarperFix('I ', 'alot', 'a lot', '.')).toBe(false);
  });

  it('keep a word we know whole, and two words apart where joining them only gives a computing word', () => {
    expect(vetoesHarperFix('the ', 'runtime', 'run time', ' starts')).toBe(true);
    expect(vetoesHarperFix('a ', 'namespace', 'name space', '.')).toBe(true);
    expect(vetoesHarperFix('the ', 'file system', 'filesystem', ' is full')).toBe(true);
    expect(vetoesHarperFix('I did it ', 'my self', 'myself', '.')).toBe(false);
  });

  it('keep a participle after "to" that describes the noun or gerund after it', () => {
    expect(vetoesHarperFix('an alternative ', 'to prescribed', 'to prescribe', ' burning')).toBe(true);
    expect(vetoesHarperFix('references ', 'to destroyed', 'to destroy', ' namespaces')).toBe(true);
    expect(vetoesHarperFix('I want ', 'to visited', 'to visit', ' Paris')).toBe(false);
  });

  it('keep "is" before a mass noun Harper reads as a plural', () => {
    expect(vetoesHarperFix('There ', 'is data', 'are data', '.')).toBe(true);
    expect(vetoesHarperFix('There ', 'is information', 'are information', '.')).toBe(true);
    expect(vetoesHarperFix('There ', 'is books', 'are books', '.')).toBe(false);
    expect(applyRules('there is many data')).not.toMatch(/datas/);
  });

  it('keep a hyphen as written, and hyphenated names and camelCase words whole', () => {
    expect(vetoesHarperFix('a ', 'non-stop', 'nonstop', ' flight')).toBe(true);
    expect(vetoesHarperFix('to ', 're-read', 'reread', ' it')).toBe(true);
    expect(vetoesHarperFix('the node-', 'addon', 'add on', '-api package')).toBe(true);
    expect(vetoesHarperFix('a ', 'forEach', 'for Each', '-able list')).toBe(true);
  });

  it('keep an adverb after he/she/it when a past verb follows', () => {
    expect(vetoesHarperFix('He ', 'last', 'lasts', ' chose to go.')).toBe(true);
    expect(vetoesHarperFix('He ', 'like', 'likes', ' it.')).toBe(false);
    expect(vetoesHarperFix('They ', 'last', 'lasts', ' chose to go.')).toBe(false);
  });

  it('keep an ordinal suffix that fits a number written with a space', () => {
    expect(vetoesHarperFix('My 1 2', 'th', 'nd', ' exam.')).toBe(true);
    expect(vetoesHarperFix('the 1 1', 'th', 'st', ' day.')).toBe(true);
    expect(vetoesHarperFix('In 2 1', 'th', 'st', ' century.')).toBe(false);
    expect(vetoesHarperFix('My 2', 'th', 'nd', ' exam.')).toBe(false);
  });
});

describe('more grammar rules', () => {
  itAppliesRules(CASES);
});
